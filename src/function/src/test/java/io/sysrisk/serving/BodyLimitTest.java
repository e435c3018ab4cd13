package io.sysrisk.serving;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;

/**
 * The body limit is sized to the largest legitimate request: 5,000 days of the widest model (committed, or the old
 * job's 10-column panel fixture, the shape of a user's panel) with every value
 * written at full double precision fits under it, with no more than twice that room.
 */
class BodyLimitTest {

    @Test
    void theLimitFitsTheWidestModelsLargestRequest() throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        int limit = Integer.parseInt(p.getProperty("sysrisk.serving.max-body-bytes"));
        // The committed versions and the old job's 10-column panel (a fixture with the shape of a user's panel,
        // which a deployment serves from its own store).
        List<ModelManifest> models = new java.util.ArrayList<>();
        for (String root : List.of("model-store", ScoringServiceStartupTest.OLD_JOB_STORE)) {
            ModelStore store = new ModelStore(Path.of(root));
            store.versions().forEach(v -> models.add(store.manifest(v)));
        }
        int largest = 0;
        String widest = null;
        for (ModelManifest m : models) {
            String v = m.version();
            StringBuilder b = new StringBuilder("{\"dates\": [");
            LocalDate d = LocalDate.of(2000, 1, 3);
            for (int i = 0; i < 5000; i++) {
                b.append(i == 0 ? "" : ", ").append('"').append(d.plusDays(i)).append('"');
            }
            b.append("], \"series\": {");
            for (int c = 0; c < m.input().columns().size(); c++) {
                b.append(c == 0 ? "" : ", ").append('"').append(m.input().columns().get(c)).append("\": [");
                for (int i = 0; i < 5000; i++) {
                    b.append(i == 0 ? "" : ", ").append(-1.2345678901234567e-300); // 24 characters, the longest
                }
                b.append(']');
            }
            b.append("}, \"from\": \"2013-01-01\", \"to\": \"2013-12-31\"}");
            int size = b.toString().getBytes(StandardCharsets.UTF_8).length;
            if (size > largest) {
                largest = size;
                widest = v + " (" + m.input().columns().size() + " columns)";
            }
        }
        assertTrue(largest <= limit, widest + ": " + largest + " bytes over the limit " + limit);
        assertTrue(limit <= 2 * largest, "limit " + limit + " is more than twice " + widest + "'s " + largest);
    }
}
