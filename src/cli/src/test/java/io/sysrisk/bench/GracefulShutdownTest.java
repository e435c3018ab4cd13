package io.sysrisk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.sysrisk.data.MarketData;
import io.sysrisk.research.data.EmbeddedDataset;

/**
 * The packaged server (runner jar, REST) stopped with SIGTERM while a long request (1,000 scored dates) is in flight:
 * the request is answered in full before the process exits.
 */
class GracefulShutdownTest {


    @Test
    void aRequestInFlightIsAnsweredBeforeTheServerStops() throws Exception {
        // The function module packages the runner jar before the tools' tests run in ./mvnw verify.
        MarketData sp = EmbeddedDataset.SP500.load();
        int last = sp.size() - 1;
        List<String> dates = new ArrayList<>();
        List<Double> close = new ArrayList<>();
        for (int t = last - 1400; t <= last; t++) {
            dates.add(sp.dates().get(t).toString());
            close.add(sp.column("close")[t]);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("dates", dates);
        request.put("series", Map.of("close", close));
        request.put("from", dates.get(dates.size() - 1000));
        byte[] body = new ObjectMapper().writeValueAsBytes(request);

        Process server;
        URI uri;
        RunnerServer runner = new RunnerServer(RunnerServer.packagedJar(), Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                List.of("-Xmx512m"));
        try (runner) {
            uri = runner.uri("/score");
            CompletableFuture<String[]> answer = CompletableFuture.supplyAsync(() -> FuzzBenchmark.post(uri, body));
            Thread.sleep(40); // the request is being scored (it takes a few hundred ms)
            ProcessHandle handle = ProcessHandle.of(runner.pid()).orElseThrow();
            handle.destroy(); // SIGTERM
            String[] response = answer.get(60, TimeUnit.SECONDS);
            assertTrue(response != null, "no answer: the server stopped with the request in flight");
            assertEquals("200", response[0], response[1]);
            var answered = new ObjectMapper().readTree(response[1]);
            // 1,000 dates asked; a day repeating the one before is dropped as a non-trading day, with a warning
            int dropped = answered.path("warnings").toString().contains("non-trading") ? 1 : 0;
            assertEquals(1000 - dropped, answered.path("scores").size(), answered.path("warnings").toString());
            assertEquals(dates.get(dates.size() - 1), answered.path("scores").path(999 - dropped).path("asOf").asText());
            assertTrue(handle.onExit().get(30, TimeUnit.SECONDS) != null);
        }
    }
}
