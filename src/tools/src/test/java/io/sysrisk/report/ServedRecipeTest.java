package io.sysrisk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.sysrisk.data.Markets;
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
        String best = null;
        for (JsonNode c : lomo.get("candidates")) {
            String name = c.get("name").asText();
            // The rule: the best event-weighted inner PR-AUC, a tie keeping the earlier candidate.
            if (best == null || served.get("innerPrAuc").get(name).asDouble()
                    > served.get("innerPrAuc").get(best).asDouble()) {
                best = name;
            }
        }
        assertEquals(best, served.get("chosen").asText());
        assertEquals(best, Recipe.SERVED_NAME, "the training job's default recipe");
        Recipe r = Recipe.byName(best);
        ModelManifest m = new ModelStore(Path.of("model-store")).manifest("any-index");
        assertEquals(r.member(), m.ensemble().config().member());
        assertEquals(r.featureIds(), m.input().features());
        assertEquals(r.spiSectors(), m.parts().keySet().stream().anyMatch(k -> k.startsWith(Markets.SPI_SECTOR_PREFIX)));
        assertTrue(m.parts().keySet().stream().anyMatch(k -> k.startsWith("spi ")), "the main markets are there");
    }
}
