package io.sysrisk.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.evidence.ProbabilityEvidence.OwnPast;
import io.sysrisk.research.evidence.ProbabilityEvidence.OwnPastFold;
import io.sysrisk.research.evidence.ProbabilityEvidence.Probabilities;

/**
 * Recalibration on a held-out market's own past, on planted markets: a model that ranks right but forecasts three
 * times the market's rate is brought to its level by the refitted intercept (and scored better than as served); the
 * past ends where the labels known before the later half end; a past without an onset gives nothing.
 */
class OwnPastRecalibrationTest {

    private static final int LOOKAHEAD = 40;

    /** A market's trading days (weekdays) and a fold of {@code n} test windows on every {@code every}-th of them. */
    private static List<LocalDate> weekdays(int n) {
        List<LocalDate> out = new ArrayList<>();
        LocalDate d = LocalDate.of(2000, 1, 3);
        while (out.size() < n) {
            if (d.getDayOfWeek().getValue() <= 5) {
                out.add(d);
            }
            d = d.plusDays(1);
        }
        return out;
    }

    /** A fold whose true onset probability is 0.04 or 0.16 by regime, and whose model says three times that. */
    private static Evidence.FoldResult planted(String market, List<LocalDate> dates, long seed, double factor) {
        Random random = new Random(seed);
        int n = dates.size();
        int[] y = new int[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            double q = (i / 50) % 2 == 0 ? 0.04 : 0.16;
            y[i] = random.nextDouble() < q ? 1 : 0;
            p[i] = Math.min(0.99, factor * q);
        }
        Evidence.ScoreResult model = new Evidence.ScoreResult(Evidence.MODEL, p, null, null, null);
        return new Evidence.FoldResult(market, market, "all", n, java.util.Arrays.stream(y).sum(), dates, y,
                List.of(), List.of(model), null, null, null, List.of(), Map.of(), null, "others", 0.05, List.of(),
                null, null, null, null, null, null);
    }

    @Test
    void theRefittedLevelBringsAModelThatForecastsThreeTimesTheRateToIt() {
        List<LocalDate> calendar = weekdays(4000);
        OwnPast o = OwnPastRecalibration.of(List.of(planted("a", calendar, 1, 3.0), planted("b", calendar, 2, 3.0)),
                Map.of("a", calendar, "b", calendar), LOOKAHEAD, 200);
        for (OwnPastFold f : o.folds()) {
            Probabilities asServed = f.later().get(0);
            Probabilities intercept = f.later().get(1);
            assertEquals(OwnPastRecalibration.AS_SERVED, asServed.name());
            assertEquals(OwnPastRecalibration.INTERCEPT, intercept.name());
            assertTrue(asServed.calibrationRatio().estimate() > 2.5, f.toString());
            assertTrue(Math.abs(intercept.calibrationRatio().estimate() - 1) < 0.25, f.toString());
            assertTrue(intercept.brier() < asServed.brier(), f.toString());
        }
        Probabilities gain = o.versusModel().stream().filter(p -> p.name().equals(OwnPastRecalibration.INTERCEPT))
                .findFirst().orElseThrow();
        assertTrue(gain.brierSkill().interval().low() > 0, gain.toString());
        assertEquals(4, o.pooled().size());
    }

    @Test
    void thePastEndsWhereTheLabelsKnownBeforeTheLaterHalfEnd() {
        List<LocalDate> calendar = weekdays(1000);
        // Test windows on every other trading day: the fold's dates are a subset of the market's calendar.
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < calendar.size(); i += 2) {
            dates.add(calendar.get(i));
        }
        OwnPastRecalibration.Split split = OwnPastRecalibration.split(dates, calendar, LOOKAHEAD);
        assertEquals(dates.size() / 2, split.laterStart());
        int later = calendar.indexOf(dates.get(split.laterStart()));
        int lastPast = calendar.indexOf(dates.get(split.pastEnd() - 1));
        int firstDropped = calendar.indexOf(dates.get(split.pastEnd()));
        assertTrue(lastPast + LOOKAHEAD < later, "the last past window's label is known before the later half");
        assertTrue(firstDropped + LOOKAHEAD >= later, "no window whose label was known is dropped");
    }

    /** A past without an onset has no slope to fit: Platt is the level refit, set to the smoothed past share. */
    @Test
    void aPastWithoutAnOnsetRefitsTheLevelOnly() {
        List<LocalDate> calendar = weekdays(400);
        Evidence.FoldResult none = planted("a", calendar, 3, 3.0);
        java.util.Arrays.fill(none.labels(), 0, 200, 0);
        OwnPast o = OwnPastRecalibration.of(List.of(none), Map.of("a", calendar), LOOKAHEAD, 50);
        OwnPastFold f = o.folds().get(0);
        assertEquals(0, f.pastPositives());
        assertEquals("no onset in the past: the level refit", f.fitted().get(1));
        assertEquals(f.later().get(1).brier(), f.later().get(2).brier(), 0.0);
        double share = 0.5 / (f.pastWindows() + 1);
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", share), f.fitted().get(2));
        // The level refit's mean over the past windows is that share.
        double[] z = new double[f.pastWindows()];
        java.util.Arrays.fill(z, Math.log(0.12 / 0.88));
        double c = OwnPastRecalibration.level(z, share);
        assertEquals(share, 1 / (1 + Math.exp(-(z[0] + c))), 1e-9);
    }
}
