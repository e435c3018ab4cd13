package io.sysrisk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.sysrisk.research.scoring.RequestMutations;

/**
 * The fuzz benchmark: {@code cases} seeded mutations of the sample request ({@link RequestMutations}) sent to the
 * packaged server over REST, one connection each. Counts answers by status class, 200 answers with a non-finite or
 * out-of-range number, requests the server did not answer, and checks the server is alive and ready at the end.
 * One JSON line.
 */
public final class FuzzBenchmark {

    private FuzzBenchmark() {
    }

    public static String run(Path runnerJar, Path requestFile, String java, List<String> serverJvm, int cases,
                             long seed) throws Exception {
        String sample = Files.readString(requestFile);
        RequestMutations mutations = new RequestMutations(sample, seed);
        Map<String, Integer> byClass = new TreeMap<>();
        int unsound = 0;
        int noAnswer = 0;
        String firstProblem = null;
        long t0 = System.nanoTime();
        try (RunnerServer server = new RunnerServer(runnerJar, java, serverJvm)) {
            URI score = server.uri("/score");
            for (int i = 0; i < cases; i++) {
                String body = mutations.next();
                String[] r = post(score, body.getBytes(StandardCharsets.UTF_8));
                if (r == null) {
                    noAnswer++;
                    continue;
                }
                byClass.merge(r[0].charAt(0) + "xx", 1, Integer::sum);
                String problem = r[0].startsWith("5") ? "status " + r[0]
                        : r[0].equals("200") ? RequestMutations.unsound(r[1]) : null;
                if (problem != null) {
                    unsound += r[0].equals("200") ? 1 : 0;
                    if (firstProblem == null) {
                        firstProblem = problem + " for " + (body.length() > 200 ? body.substring(0, 200) : body);
                    }
                }
            }
            boolean alive = server.ready();
            return String.format(Locale.ROOT, "{\"bench\":\"fuzz\",\"endpoint\":\"POST /score\",\"cases\":%d,"
                            + "\"seed\":%d,\"status_classes\":%s,\"5xx\":%d,\"unsound_200\":%d,\"no_answer\":%d,"
                            + "\"server_ready_at_end\":%s,\"seconds\":%.1f%s}", cases, seed, json(byClass),
                    byClass.getOrDefault("5xx", 0), unsound, noAnswer, alive, (System.nanoTime() - t0) / 1e9,
                    firstProblem == null ? "" : ",\"first_problem\":\"" + firstProblem.replace("\\", "\\\\")
                            .replace("\"", "\\\"") + "\"");
        }
    }

    /** One POST on a fresh connection: status and body, or null when the server closed without an answer. */
    static String[] post(URI uri, byte[] body) {
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nContent-Type: "
                    + "application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int sp = response.indexOf(' ');
            int headersEnd = response.indexOf("\r\n\r\n");
            if (sp < 0 || headersEnd < 0) {
                return null;
            }
            String headers = response.substring(0, headersEnd).toLowerCase(Locale.ROOT);
            String answer = response.substring(headersEnd + 4);
            return new String[] {response.substring(sp + 1, sp + 4),
                headers.contains("transfer-encoding: chunked") ? dechunk(answer) : answer};
        } catch (IOException e) {
            return null;
        }
    }

    /** The body of a chunked response: hex size, CRLF, data, CRLF, ..., a zero-size chunk. */
    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int eol = chunked.indexOf("\r\n", at);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            // sizes count bytes; the answers here are ASCII JSON, so bytes and chars agree
            out.append(chunked, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
        return out.toString();
    }

    private static String json(Map<String, Integer> m) {
        StringBuilder b = new StringBuilder("{");
        m.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return b.append('}').toString();
    }
}
