package io.sysrisk.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sysrisk.serving.rest.EvidenceService;

/**
 * The page's "how much to trust it" reads the served version's own report: leave-one-market-out for the default, and
 * for a model of one market its walk-forward report (sp500-ohlcv), the same figures as the committed file.
 */
class MonitorEvidenceTest {

    @Test
    void aModelOfOneMarketQuotesItsWalkForwardReport() throws Exception {
        ScoringService service = new ScoringService(ScoringServiceStartupTest.config("packaged", "sp500-ohlcv"));
        service.start();
        try {
            ObjectNode e = new EvidenceService(service)
                    .evidence();
            JsonNode report = new ObjectMapper().readTree(Files.readString(
                    Path.of("model-store", "sp500-ohlcv", "report", "walk-forward.json")));
            assertEquals("walk-forward", e.path("design").asText(), e.toString());
            assertEquals(report.get("headlineVerdict"), e.get("headlineVerdict"));
            assertEquals(report.get("folds").size(), e.get("folds").size());
            assertEquals(report.get("folds").get(0).get("period"), e.get("folds").get(0).get("period"));
            assertTrue(e.path("calm").has("onsets"), e.toString());
            // GET /model's summary names the design it rests on, not the default's.
            ObjectNode summary = new EvidenceService(service).outOfSample();
            assertTrue(summary.path("method").asText().startsWith("walk-forward: 1 consecutive"), summary.toString());
            assertTrue(summary.path("alarmMeans").asText().contains("On each walk-forward fold's test period")
                    && !summary.path("alarmMeans").asText().contains("held out"), summary.toString());
        } finally {
            service.stop();
        }
    }

    /**
     * The default's evidence names the paper's comparison in its own object, each row with what it says of the
     * paper's claim; the served model's figures (pooled, per fold, the alarm's table) hold none of its rows.
     */
    @Test
    void theDefaultsEvidenceHoldsThePapersComparisonApart() throws Exception {
        ScoringService service = new ScoringService(ScoringServiceStartupTest.config("packaged", "any-index"));
        service.start();
        try {
            ObjectNode e = new EvidenceService(service).evidence();
            JsonNode report = new ObjectMapper().readTree(Files.readString(
                    Path.of("model-store", "any-index", "report", "lomo.json")));
            JsonNode rows = e.path("paperComparison").path("rows");
            assertEquals(report.get("paperComparison").get("rows").size(), rows.size(), e.toString());
            assertTrue(rows.size() >= 7, "a CNN, a BiLSTM, a Transformer, a TCN, no attention, two windows: " + rows);
            rows.forEach(r -> assertTrue(r.path("inWords").asText().matches("(holds|reversed|not shown).*"),
                    r.toString()));
            java.util.List<String> names = new java.util.ArrayList<>();
            e.get("pooled").forEach(x -> names.add(x.get("name").asText()));
            e.get("stratified").forEach(x -> names.add(x.get("name").asText()));
            e.get("folds").forEach(f -> f.get("scores").forEach(x -> names.add(x.get("name").asText())));
            e.get("events").get("rows").forEach(x -> names.add(x.get("name").asText()));
            assertTrue(names.stream().noneMatch(io.sysrisk.research.evidence.Evidence::paperRow), names.toString());
            assertTrue(names.contains(io.sysrisk.research.evidence.Evidence.PLAIN), names.toString());
        } finally {
            service.stop();
        }
    }

    /** Three indices of one era (three-indices): their walk-forward together, named as such, one row per market. */
    @Test
    void marketsOfOneEraQuoteTheirWalkForwardTogether() throws Exception {
        ScoringService service = new ScoringService(ScoringServiceStartupTest.config("packaged", "three-indices"));
        service.start();
        try {
            EvidenceService evidence = new EvidenceService(service);
            ObjectNode e = evidence.evidence();
            JsonNode report = new ObjectMapper().readTree(Files.readString(
                    Path.of("model-store", "three-indices", "report", "walk-forward.json")));
            assertEquals("walk-forward, the markets together", e.path("design").asText(), e.toString());
            assertEquals(report.get("headlineVerdict"), e.get("headlineVerdict"));
            java.util.Set<String> markets = new java.util.TreeSet<>();
            java.util.Set<String> periods = new java.util.TreeSet<>();
            e.get("folds").forEach(f -> {
                markets.add(f.get("market").asText());
                periods.add(f.get("fold").asText().replaceAll(".* ", ""));
            });
            assertEquals(java.util.Set.of("djia", "sp500", "spi"), markets, e.get("folds").toString());
            ObjectNode summary = evidence.outOfSample();
            assertTrue(summary.path("method").asText().startsWith("walk-forward, the markets together (they share "
                    + "an era, so none can be held out with its period): " + periods.size() + " consecutive calendar "
                    + "periods"), summary.toString());
            assertTrue(summary.path("alarmMeans").asText().contains("On each walk-forward fold's test period"),
                    summary.toString());
        } finally {
            service.stop();
        }
    }

    /**
     * A report of another schema version stops the start with one line (a later build's report is never read as
     * this build's records); the packaged one starts.
     */
    private static final int SCHEMA = io.sysrisk.research.evidence.Evidence.SCHEMA;

    @Test
    void aReportThisBuildCannotReadStopsTheStartInOneLine() throws Exception {
        ScoringService service = new ScoringService(ScoringServiceStartupTest.config("packaged", "sp500-ohlcv"));
        service.start();
        try {
            byte[] later = Files.readString(Path.of("model-store", "sp500-ohlcv", "report", "walk-forward.json"))
                    .replaceFirst("\"schema\":" + SCHEMA + ",", "\"schema\":" + (SCHEMA + 1) + ",").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            EvidenceService broken = new EvidenceService(service, file -> file.equals("walk-forward.json")
                    ? new java.io.ByteArrayInputStream(later) : null);
            RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                    () -> broken.onStart(null));
            assertTrue(e.getMessage().contains("is evidence schema " + (SCHEMA + 1) + "; this build reads schema " + SCHEMA)
                    && !e.getMessage().contains("\n"), e.getMessage());
            new EvidenceService(service).onStart(null);
        } finally {
            service.stop();
        }
    }
}
