package io.sysrisk.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What the Lambda function runs depends on serving code only: no class of the function outside {@code serving.rest}
 * (which the Lambda package does not compile) names a class of the research module (embedded markets, labelling,
 * experiments, evaluation, the fuzz generator). Read from the compiled classes' constant pools, so an import, a
 * call, a field or a throws clause all count; how a reader checks the import graph with the project's own tests.
 */
class ServingImportsTest {

    @Test
    void theFunctionOutsideRestNamesNoResearchClass() throws Exception {
        List<String> research = researchClasses();
        assertTrue(research.contains("io/sysrisk/research/data/Markets")
                        && research.contains("io/sysrisk/research/labels/Labeler"),
                "the research module's classes were not found: " + research.size());
        Path classes = Path.of(ScoringService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        TreeSet<String> offending = new TreeSet<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(classes.resolve("io/sysrisk"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('\\', '/');
                if (name.startsWith("io/sysrisk/serving/rest/")) {
                    continue;
                }
                checked++;
                String pool = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String r : research) {
                    if (pool.contains(r + ";") || pool.contains(r + "\u0001") || containsExactly(pool, r)) {
                        offending.add(name + " -> " + r);
                    }
                }
            }
        }
        assertTrue(checked > 20, "only " + checked + " classes checked under " + classes);
        assertEquals(new TreeSet<String>(), offending);
    }

    /** {@code r} as a whole class name in the constant pool (not a prefix of a longer one). */
    private static boolean containsExactly(String pool, String r) {
        for (int i = pool.indexOf(r); i >= 0; i = pool.indexOf(r, i + 1)) {
            int end = i + r.length();
            char next = end < pool.length() ? pool.charAt(end) : '\0';
            if (!Character.isJavaIdentifierPart(next) && next != '/') {
                return true;
            }
        }
        return false;
    }

    /** Every class of the research module's jar (or classes folder), as internal names. */
    private static List<String> researchClasses() throws IOException, URISyntaxException {
        Path location = Path.of(io.sysrisk.research.data.Markets.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        List<String> out = new ArrayList<>();
        if (Files.isDirectory(location)) {
            collect(location, location, out);
        } else {
            try (FileSystem zip = FileSystems.newFileSystem(location, Map.of())) {
                Path root = zip.getPath("/");
                collect(root, root, out);
            }
        }
        return out;
    }

    private static void collect(Path root, Path dir, List<String> out) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$"))
                    .forEach(p -> out.add(root.relativize(p).toString().replace('\\', '/').replaceAll("\\.class$", "")));
        }
    }
}
