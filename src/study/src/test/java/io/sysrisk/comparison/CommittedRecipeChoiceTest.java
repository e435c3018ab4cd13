package io.sysrisk.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.evidence.EvidenceJson;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;
import io.sysrisk.training.TrainingData;

/**
 * The committed systemic report's served recipe is its rule's, recomputed here from the test windows it kept and the
 * panel's calendars; and the default the function serves is what that rule picked: a model of the market's own
 * closes unless the systemic recipe won (issue 38: "the nested rule picks what is served as the default").
 */
class CommittedRecipeChoiceTest {

    private static final Path REPORT = Path.of("model-store", "systemic", "report", "walk-forward.json");
    private static final Path PANEL = Path.of("src", "datasets", "src", "main", "resources", "datasets",
            "world_indices_1950_2015.csv");

    @Test
    void theServedDefaultIsTheRecipeTheSystemicReportsRulePicked() throws Exception {
        Evidence.Result r;
        try (java.io.InputStream in = Files.newInputStream(REPORT)) {
            r = EvidenceJson.read(in, REPORT.toString());
        }
        Evidence.RecipeChoice recorded = r.recipeChoice();
        assertNotNull(recorded, "the systemic report records its recipe choice");
        ModelStore store = new ModelStore(Path.of("model-store"));
        ModelManifest systemic = store.manifest("systemic");
        int[] y = r.pooledFolds().stream().flatMapToInt(f -> Arrays.stream(f.labels())).toArray();
        int[] segments = r.pooledFolds().stream().mapToInt(Evidence.FoldResult::windows).toArray();
        Evidence.RecipeChoice again = NestedRecipeChoice.of(r.pooledFolds(), TradingCalendars.of(
                TrainingData.markets("panel", PANEL).markets()), systemic.label().lookahead(), new FoldStatistics(20),
                y, segments, null);
        assertEquals(recorded.periods(), again.periods(), "each period's pick, and the windows it was made on");
        assertEquals(recorded.served(), again.served());
        assertEquals(recorded.servedCriterion(), again.servedCriterion());
        // What the function serves by default (application.properties) is the kind the rule picked.
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader in = Files.newBufferedReader(Path.of("src", "function", "src", "main", "resources",
                "application.properties"))) {
            p.load(in);
        }
        ModelManifest served = store.manifest(p.getProperty("sysrisk.model.version"));
        boolean systemicWon = recorded.served().equals(Evidence.MODEL);
        assertEquals(systemicWon, served.input().systemic(), "the rule picked the " + recorded.served()
                + "; the function serves " + served.version());
        assertTrue(Files.readString(Path.of("README.md")).replaceAll("\\s+", " ").contains(
                "picked by the rule: the " + recorded.served()), "the README says which");
    }
}
