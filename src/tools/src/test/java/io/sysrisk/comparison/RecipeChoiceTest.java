package io.sysrisk.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The nested selection's rule: the anchored network stays unless a candidate beats it by more than one SE. */
class RecipeChoiceTest {

    private static final List<String> CANDIDATES = List.of("plain", "anchored", "bigger");

    @Test
    void aLeadWithinOneStandardErrorKeepsTheAnchoredNetwork() {
        // bigger: per-fold 0.30, 0.16, 0.25 (SE 0.041); ahead of anchored by 0.01 only.
        String[] c = LeaveOneMarketOut.choose(CANDIDATES, Map.of("plain", 0.18, "anchored", 0.22, "bigger", 0.23),
                List.of(Map.of("plain", 0.2, "anchored", 0.29, "bigger", 0.30),
                        Map.of("plain", 0.1, "anchored", 0.15, "bigger", 0.16),
                        Map.of("plain", 0.2, "anchored", 0.24, "bigger", 0.25)));
        assertEquals("anchored", c[0], c[1]);
    }

    @Test
    void aLeadBeyondOneStandardErrorWins() {
        // bigger: per-fold 0.40, 0.38, 0.42 (SE 0.012); ahead by 0.15.
        String[] c = LeaveOneMarketOut.choose(CANDIDATES, Map.of("plain", 0.18, "anchored", 0.25, "bigger", 0.40),
                List.of(Map.of("plain", 0.2, "anchored", 0.29, "bigger", 0.40),
                        Map.of("plain", 0.1, "anchored", 0.20, "bigger", 0.38),
                        Map.of("plain", 0.2, "anchored", 0.26, "bigger", 0.42)));
        assertEquals("bigger", c[0], c[1]);
    }

    @Test
    void oneInnerFoldHasNoStandardErrorSoTheAnchoredNetworkStays() {
        String[] c = LeaveOneMarketOut.choose(CANDIDATES, Map.of("plain", 0.5, "anchored", 0.1, "bigger", 0.2),
                List.of(Map.of("plain", 0.5, "anchored", 0.1, "bigger", 0.2)));
        assertEquals("anchored", c[0], c[1]);
    }

    @Test
    void anEmptyInnerStudyKeepsTheAnchoredNetwork() {
        assertEquals("anchored", LeaveOneMarketOut.choose(CANDIDATES, Map.of("plain", Double.NaN, "anchored",
                Double.NaN, "bigger", Double.NaN), List.of())[0]);
    }

    @Test
    void theAnchoredNetworkAheadIsChosenAndATieKeepsTheEarlier() {
        assertEquals("anchored", LeaveOneMarketOut.choose(CANDIDATES, Map.of("plain", 0.1, "anchored", 0.3,
                "bigger", 0.3), List.of(Map.of("plain", 0.1, "anchored", 0.3, "bigger", 0.3),
                Map.of("plain", 0.1, "anchored", 0.3, "bigger", 0.3)))[0]);
        // Without the anchored network among the candidates, the first is the default.
        assertEquals("plain", LeaveOneMarketOut.choose(List.of("plain", "bigger"), Map.of("plain", 0.3, "bigger",
                0.31), List.of(Map.of("plain", 0.2, "bigger", 0.2), Map.of("plain", 0.4, "bigger", 0.42)))[0]);
    }
}
