package io.sysrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * The README and docs/ stay true to the project: no relative link is dead (a file, or a heading in a Markdown file,
 * that does not exist), and every {@code ./mvnw} command in their shell blocks names Maven profiles the POM has, a
 * job the CLI has and options that job takes. The README stays short enough to read in minutes.
 */
class DocsTest {

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern PROFILE = Pattern.compile("<profile>\\s*<id>([^<]+)</id>(.*?)</profile>",
            Pattern.DOTALL);
    private static final Pattern PROFILE_CMD = Pattern.compile("<sysrisk\\.cmd>([^<]+)</sysrisk\\.cmd>");

    /** The Markdown a user reads: the README, docs/ and the guides beside the code. */
    static List<Path> pages() throws IOException {
        List<Path> out = new ArrayList<>(List.of(Path.of("README.md"), Path.of("infra", "README.md"),
                Path.of("src", "examples", "README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    @Test
    void noRelativeLinkIsDead() throws IOException {
        List<String> dead = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            for (String target : links(Files.readString(page))) {
                if (target.matches("^[a-z]+:.*")) {
                    continue; // http(s), mailto: not checked offline
                }
                checked++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    dead.add(page + ": " + target + " (no such file)");
                } else if (anchor != null && resolved.toString().endsWith(".md")
                        && !anchors(Files.readString(resolved)).contains(anchor)) {
                    dead.add(page + ": " + target + " (no such heading in " + resolved.getFileName() + ")");
                }
            }
        }
        assertTrue(checked > 30, "only " + checked + " links checked");
        assertEquals(List.of(), dead);
    }

    @Test
    void everyMavenCommandNamesProfilesJobsAndOptionsThatExist() throws IOException {
        Map<String, String> profiles = profiles();
        CommandLine cli = new CommandLine(new SysriskCli());
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            for (String line : shellLines(Files.readString(page))) {
                List<String> words = words(line.replaceAll("\\s+#.*$", ""));
                int mvnw = words.indexOf("./mvnw");
                if (mvnw < 0) {
                    continue;
                }
                checked++;
                List<String> args = words.subList(mvnw + 1, words.size());
                if (args.contains("-f")) {
                    continue; // another POM (infra's): its own build
                }
                String cmd = null;
                String jobArgs = "";
                for (String a : args) {
                    if (a.startsWith("-P")) {
                        for (String p : a.substring(2).split(",")) {
                            if (!profiles.containsKey(p)) {
                                wrong.add(page + ": profile " + p + " does not exist: " + line);
                            } else if (profiles.get(p) != null) {
                                cmd = profiles.get(p);
                            }
                        }
                    } else if (a.startsWith("-Dsysrisk.cmd=")) {
                        cmd = a.substring("-Dsysrisk.cmd=".length());
                    } else if (a.startsWith("-Dsysrisk.args=")) {
                        jobArgs = a.substring("-Dsysrisk.args=".length());
                    }
                }
                if (cmd == null) {
                    continue; // a plain build (verify, quarkus:dev, ...)
                }
                wrong.addAll(jobProblems(cli, cmd, words(jobArgs), page + ": " + line));
            }
        }
        assertTrue(checked > 10, "only " + checked + " ./mvnw commands checked");
        assertEquals(List.of(), wrong);
    }

    /** A user reads the README in minutes; the rest is in docs/. */
    @Test
    void theReadmeIsShort() throws IOException {
        long size = Files.size(Path.of("README.md"));
        assertTrue(size < 25_000, "README.md is " + size + " bytes: move detail to docs/");
    }

    /** The problems of running job {@code cmd} with {@code args}: an unknown job, or an option it does not take. */
    private static List<String> jobProblems(CommandLine cli, String cmd, List<String> args, String where) {
        CommandLine job = cli.getSubcommands().get(cmd);
        if (job == null) {
            return List.of(where + " (no job '" + cmd + "')");
        }
        List<String> out = new ArrayList<>();
        if (cmd.equals("help")) {
            args.stream().filter(a -> !cli.getSubcommands().containsKey(a))
                    .forEach(a -> out.add(where + " (no job '" + a + "' to help with)"));
            return out;
        }
        for (String a : args) {
            String option = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (option.startsWith("--") && job.getCommandSpec().findOption(option) == null) {
                out.add(where + " (" + cmd + " has no option " + option + ")");
            }
        }
        return out;
    }

    /** Each profile's id and the job it runs (null: a profile that runs no job). */
    static Map<String, String> profiles() throws IOException {
        Map<String, String> out = new HashMap<>();
        Matcher m = PROFILE.matcher(Files.readString(Path.of("pom.xml")));
        while (m.find()) {
            Matcher cmd = PROFILE_CMD.matcher(m.group(2));
            out.put(m.group(1).trim(), cmd.find() ? cmd.group(1).trim() : null);
        }
        return out;
    }

    /** Link targets outside code blocks and code spans. */
    static List<String> links(String markdown) {
        List<String> out = new ArrayList<>();
        boolean fence = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                fence = !fence;
                continue;
            }
            if (!fence) {
                Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    /** The lines of fenced shell blocks. */
    static List<String> shellLines(String markdown) {
        List<String> out = new ArrayList<>();
        boolean shell = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                shell = !shell && (line.equals("```bash") || line.equals("```sh") || line.equals("```shell"));
                continue;
            }
            if (shell) {
                out.add(line.strip());
            }
        }
        return out;
    }

    /** Shell words: blanks split, double quotes group (the quotes removed). */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!w.isEmpty()) {
                    out.add(w.toString());
                    w.setLength(0);
                }
            } else {
                w.append(c);
            }
        }
        if (!w.isEmpty()) {
            out.add(w.toString());
        }
        return out;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, blanks to hyphens, repeats numbered. */
    static Set<String> anchors(String markdown) {
        Set<String> out = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fence = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                fence = !fence;
                continue;
            }
            Matcher m = Pattern.compile("^#+\\s+(.*)$").matcher(line);
            if (!fence && m.matches()) {
                String slug = m.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_\\- ]", "")
                        .replace(' ', '-');
                int n = seen.merge(slug, 1, Integer::sum);
                out.add(n == 1 ? slug : slug + "-" + (n - 1));
            }
        }
        return out;
    }
}
