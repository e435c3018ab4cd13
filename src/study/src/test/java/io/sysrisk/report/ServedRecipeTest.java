package io.sysrisk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.sysrisk.comparison.NestedSelection;
import io.sysrisk.research.data.Markets;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;
import io.sysrisk.training.Recipe;

/**
 * The served recipe is the one the committed report's last selection (the inner rule applied over every market)
 * picks, the training job's default is that recipe, and the committed model was made with it: its network, its
 * inputs, its series.
 */
class ServedRecipeTest {

    @Test
    void theServedModelIsTheRecipeTheSelectionOverEveryMarketPicks() throws IOException {
        Path folder = Path.of("model-store", "any-index");
        JsonNode lomo = ModelStore.json().readTree(folder.resolve("report").resolve("lomo.json").toFile());
        JsonNode served = lomo.get("served");
        java.util.List<String> candidates = new java.util.ArrayList<>();
        lomo.get("candidates").forEach(c -> candidates.add(c.get("name").asText()));
        java.util.Map<String, Double> weighted = new java.util.LinkedHashMap<>();
        served.get("innerPrAuc").fields().forEachRemaining(e -> weighted.put(e.getKey(), e.getValue().asDouble()));
        java.util.List<java.util.Map<String, Double>> perFold = new java.util.ArrayList<>();
        for (JsonNode f : served.get("perFold")) {
            java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
            f.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asDouble()));
            perFold.add(m);
        }
        String best = NestedSelection.choose(candidates, weighted, perFold)[0];
        assertEquals(best, served.get("chosen").asText(), "the rule, applied to the committed figures");
        assertEquals(best, Recipe.SERVED_NAME, "the training job's default recipe");
        Recipe r = Recipe.byName(best);
        ModelManifest m = new ModelStore(Path.of("model-store")).manifest("any-index");
        assertEquals(r.member(), m.ensemble().config().member());
        assertEquals(r.featureIds(), m.input().features());
        assertEquals(r.training(m.training().config()).selection(), m.training().config().selection(),
                "its members stopped early by the recipe's criterion");
        assertEquals(r.spiSectors(), m.parts().keySet().stream().anyMatch(k -> k.startsWith(Markets.SPI_SECTOR_PREFIX)));
        assertTrue(m.parts().keySet().stream().anyMatch(k -> k.startsWith("spi ")), "the main markets are there");
    }
}
