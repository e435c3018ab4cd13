package io.sysrisk.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The nested selection's rule: the anchored network stays unless a candidate beats it by more than one standard
 * error of the paired per-inner-fold differences.
 */
class RecipeChoiceTest {

    private static final List<String> CANDIDATES = List.of("plain", "anchored", "bigger");

    @Test
    void aLeadWithinOneStandardErrorKeepsTheAnchoredNetwork() {
        // bigger minus anchored per fold: +0.05, -0.03, +0.01 (SE of the differences 0.023, x1.19); ahead by 0.01.
        String[] c = NestedSelection.choose(CANDIDATES, Map.of("plain", 0.18, "anchored", 0.22, "bigger", 0.23),
                List.of(Map.of("plain", 0.2, "anchored", 0.29, "bigger", 0.34),
                        Map.of("plain", 0.1, "anchored", 0.15, "bigger", 0.12),
                        Map.of("plain", 0.2, "anchored", 0.24, "bigger", 0.25)));
        assertEquals("anchored", c[0], c[1]);
    }

    @Test
    void marketsOfDifferentDifficultyDoNotHideAConsistentLead() {
        // The positive control's case: the inner markets differ a lot (0.45 and 0.25), the lead does not
        // (+0.12, +0.16: SE of the differences 0.02, x1.84 = 0.037; of the candidate's own figures 0.08).
        String[] c = NestedSelection.choose(List.of("anchored", "planted"), Map.of("anchored", 0.33,
                        "planted", 0.47), List.of(Map.of("anchored", 0.45, "planted", 0.57),
                Map.of("anchored", 0.25, "planted", 0.41)));
        assertEquals("planted", c[0], c[1]);
    }

    @Test
    void aLeadBeyondOneStandardErrorWins() {
        // bigger minus anchored per fold: +0.11, +0.18, +0.16 (SE 0.021, x1.32 = 0.028); ahead by 0.15.
        String[] c = NestedSelection.choose(CANDIDATES, Map.of("plain", 0.18, "anchored", 0.25, "bigger", 0.40),
                List.of(Map.of("plain", 0.2, "anchored", 0.29, "bigger", 0.40),
                        Map.of("plain", 0.1, "anchored", 0.20, "bigger", 0.38),
                        Map.of("plain", 0.2, "anchored", 0.26, "bigger", 0.42)));
        assertEquals("bigger", c[0], c[1]);
    }

    @Test
    void aTinyLeadOnTwoFoldsIsWidenedByStudentsT() {
        // The shuffled planted input's case: +0.003 on average, per fold +0.006 and 0.000 (SE 0.003, x1.84).
        String[] c = NestedSelection.choose(List.of("anchored", "shuffled"), Map.of("anchored", 0.236,
                "shuffled", 0.239), List.of(Map.of("anchored", 0.30, "shuffled", 0.306),
                Map.of("anchored", 0.16, "shuffled", 0.16)));
        assertEquals("anchored", c[0], c[1]);
        assertEquals(1.0, NestedSelection.seFactor(1000), 0.01, "many folds: one plain standard error");
        assertEquals(1.84, NestedSelection.seFactor(2), 0.01);
    }

    @Test
    void oneInnerFoldHasNoStandardErrorSoTheAnchoredNetworkStays() {
        String[] c = NestedSelection.choose(CANDIDATES, Map.of("plain", 0.5, "anchored", 0.1, "bigger", 0.2),
                List.of(Map.of("plain", 0.5, "anchored", 0.1, "bigger", 0.2)));
        assertEquals("anchored", c[0], c[1]);
    }

    @Test
    void anEmptyInnerStudyKeepsTheAnchoredNetwork() {
        assertEquals("anchored", NestedSelection.choose(CANDIDATES, Map.of("plain", Double.NaN, "anchored",
                Double.NaN, "bigger", Double.NaN), List.of())[0]);
    }

    @Test
    void theAnchoredNetworkAheadIsChosenAndATieKeepsTheEarlier() {
        assertEquals("anchored", NestedSelection.choose(CANDIDATES, Map.of("plain", 0.1, "anchored", 0.3,
                "bigger", 0.3), List.of(Map.of("plain", 0.1, "anchored", 0.3, "bigger", 0.3),
                Map.of("plain", 0.1, "anchored", 0.3, "bigger", 0.3)))[0]);
        // Without the anchored network among the candidates, the first is the default.
        assertEquals("plain", NestedSelection.choose(List.of("plain", "bigger"), Map.of("plain", 0.3, "bigger",
                0.31), List.of(Map.of("plain", 0.2, "bigger", 0.2), Map.of("plain", 0.4, "bigger", 0.42)))[0]);
    }
}
