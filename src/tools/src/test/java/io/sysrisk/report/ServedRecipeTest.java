package io.sysrisk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.sysrisk.comparison.LeaveOneMarketOut;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;
import io.sysrisk.training.PooledTrainingJob;

/**
 * The served recipe is the one the committed report's selection picks over every market, by the rule each outer
 * fold's inner selection applies (the better event-weighted PR-AUC on held-out markets), and the committed model is
 * that recipe.
 */
class ServedRecipeTest {

    @Test
    void theServedRecipeIsTheOneTheLeaveOneMarketOutSelectionPicks() throws IOException {
        Path folder = Path.of("model-store", "any-index");
        JsonNode lomo = ModelStore.json().readTree(folder.resolve("report").resolve("lomo.json").toFile());
        double plain = Double.NaN;
        double anchored = Double.NaN;
        for (JsonNode s : lomo.get("stratified")) {
            if (s.get("name").asText().equals(LeaveOneMarketOut.PLAIN)) {
                plain = s.get("prAuc").asDouble();
            } else if (s.get("name").asText().equals(LeaveOneMarketOut.ANCHORED)) {
                anchored = s.get("prAuc").asDouble();
            }
        }
        String picked = anchored > plain ? "anchored" : "plain";
        assertEquals(picked, PooledTrainingJob.DEFAULT_RECIPE, "plain " + plain + ", anchored " + anchored);
        ModelManifest m = new ModelStore(Path.of("model-store")).manifest("any-index");
        assertEquals(picked.equals("anchored"), m.ensemble().config().member().anchored());
    }
}
