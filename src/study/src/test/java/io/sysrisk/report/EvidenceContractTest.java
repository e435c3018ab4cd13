package io.sysrisk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.evidence.EvidenceJson;

/**
 * The evidence contract on the committed reports: each study JSON reads as {@link Evidence.Result} (the term
 * structure's as its own records) and writes back
 * every field it holds with the same value (nothing the page or GET /model quote is lost in the typed read), and a
 * report of another schema version, without one, or with a field the records do not know is refused in one line.
 */
class EvidenceContractTest {

    static final List<Path> COMMITTED = List.of(Path.of("model-store", "any-index", "report", "lomo.json"),
            Path.of("model-store", "sp500-ohlcv", "report", "walk-forward.json"),
            Path.of("model-store", "three-indices", "report", "walk-forward.json"));

    @Test
    void everyCommittedStudyReadsWithoutLoss() throws IOException {
        ObjectMapper tree = new ObjectMapper();
        for (Path p : COMMITTED) {
            Evidence.Result r;
            try (InputStream in = Files.newInputStream(p)) {
                r = EvidenceJson.read(in, p.toString());
            }
            assertEquals(Evidence.SCHEMA, r.schema(), p.toString());
            assertFalse(r.folds().isEmpty(), p.toString());
            List<String> lost = new ArrayList<>();
            missing("", tree.readTree(p.toFile()), tree.readTree(EvidenceJson.write(r)), lost);
            assertEquals(List.of(), lost, p + ": fields the typed read lost or changed");
        }
    }

    @Test
    void theCommittedTermStructureReadsWithoutLoss() throws IOException {
        Path p = Path.of("model-store", "any-index-horizons", "report", "term-structure.json");
        io.sysrisk.research.evidence.TermStructureEvidence.Result r;
        try (InputStream in = Files.newInputStream(p)) {
            r = EvidenceJson.readTermStructure(in, p.toString());
        }
        assertEquals(List.of(5, 20, 60), r.horizons());
        List<String> lost = new ArrayList<>();
        ObjectMapper tree = new ObjectMapper();
        missing("", tree.readTree(p.toFile()), tree.readTree(EvidenceJson.write(r)), lost);
        assertEquals(List.of(), lost, p + ": fields the typed read lost or changed");
    }

    @Test
    void anotherVersionNoVersionOrAnUnknownFieldIsRefusedInOneLine() throws IOException {
        String lomo = Files.readString(COMMITTED.get(1));
        String current = "\"schema\":" + Evidence.SCHEMA + ",";
        String later = lomo.replaceFirst(current, "\"schema\":" + (Evidence.SCHEMA + 1) + ",");
        String none = lomo.replaceFirst(current, "");
        String unknown = lomo.replaceFirst(current, current + "\"surprise\":true,");
        for (Map.Entry<String, String> c : Map.of(later, "is evidence schema " + (Evidence.SCHEMA + 1)
                        + "; this build reads schema " + Evidence.SCHEMA, none, "has no evidence schema version",
                unknown, "does not fit evidence schema " + Evidence.SCHEMA).entrySet()) {
            EvidenceJson.EvidenceException e = assertThrows(EvidenceJson.EvidenceException.class, () -> EvidenceJson
                    .read(new ByteArrayInputStream(c.getKey().getBytes(StandardCharsets.UTF_8)), "x.json"));
            assertTrue(e.getMessage().startsWith("x.json ") && e.getMessage().contains(c.getValue()),
                    e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
    }

    /** Paths of {@code file}'s fields whose value {@code written} lacks or holds otherwise. */
    private static void missing(String at, JsonNode file, JsonNode written, List<String> out) {
        if (file.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = file.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (written == null || !written.has(f.getKey())) {
                    out.add(at + "/" + f.getKey());
                } else {
                    missing(at + "/" + f.getKey(), f.getValue(), written.get(f.getKey()), out);
                }
            }
        } else if (file.isArray()) {
            if (written == null || !written.isArray() || written.size() != file.size()) {
                out.add(at + " (array)");
                return;
            }
            for (int i = 0; i < file.size(); i++) {
                missing(at + "/" + i, file.get(i), written.get(i), out);
            }
        } else if (!file.equals(written)) {
            out.add(at + " = " + file + " read as " + written);
        }
    }
}
