package io.sysrisk.research.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.sysrisk.research.evidence.Interval;
import io.sysrisk.research.evidence.ProbabilityEvidence;
import io.sysrisk.research.evidence.ProbabilityEvidence.Probabilities;
import io.sysrisk.research.evidence.ProbabilityEvidence.Skill;

class ProperScoresTest {

    @Test
    void brierAndLogLossAreTheTextbookOnes() {
        double[] p = {0.9, 0.2, 0.5, 0.1};
        int[] y = {1, 0, 1, 0};
        assertEquals((0.01 + 0.04 + 0.25 + 0.01) / 4, ProperScores.brier(p, y), 1e-15);
        assertEquals(-(Math.log(0.9) + Math.log(0.8) + Math.log(0.5) + Math.log(0.9)) / 4,
                ProperScores.logLoss(p, y), 1e-15);
        // A wrong certainty weighs a bounded, huge loss, not an infinite one.
        assertEquals(-Math.log(ProperScores.LOG_LOSS_FLOOR), ProperScores.logLoss(new double[] {0}, new int[] {1}),
                1e-9);
        assertThrows(IllegalArgumentException.class, () -> ProperScores.brier(new double[] {0.1}, new int[0]));
    }

    @Test
    void skillIsZeroForTheReferenceAndOneForAPerfectForecast() {
        int[] y = {1, 0, 0, 0, 1, 0, 0, 0, 0, 0};
        double[] rate = new double[y.length];
        Arrays.fill(rate, 0.2);
        double[] perfect = Arrays.stream(y).asDoubleStream().toArray();
        assertEquals(0, ProperScores.brierSkill(rate, rate, y), 1e-15);
        assertEquals(1, ProperScores.brierSkill(perfect, rate, y), 1e-15);
        assertEquals(0, ProperScores.logLossSkill(rate, rate, y), 1e-15);
        assertTrue(ProperScores.logLossSkill(perfect, rate, y) > 0.99);
        double[] doubled = new double[y.length];
        Arrays.fill(doubled, 0.4);
        assertEquals(2.0, ProperScores.calibrationRatio(doubled, y), 1e-12);
        assertTrue(ProperScores.brierSkill(doubled, rate, y) < 0, "an over-prediction does worse than the rate");
    }

    /** A forecast that is calibrated by construction: each decile's observed rate is near its mean forecast. */
    @Test
    void reliabilityBinsFindAPlantedCalibration() {
        Random rnd = new Random(7);
        int n = 50_000;
        double[] p = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = 0.5 * rnd.nextDouble();
            y[i] = rnd.nextDouble() < p[i] ? 1 : 0;
        }
        List<ProperScores.Bin> bins = ProperScores.reliability(p, y, ProperScores.BINS);
        assertEquals(10, bins.size());
        assertEquals(n, bins.stream().mapToInt(ProperScores.Bin::windows).sum());
        for (ProperScores.Bin b : bins) {
            assertEquals(n / 10, b.windows());
            assertTrue(b.from() <= b.meanProbability() && b.meanProbability() <= b.to(), b.toString());
            assertEquals(b.meanProbability(), b.observedRate(), 0.02, b.toString());
        }
        // A forecast whose observed rate is half of it, in every bin: the bins say so.
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextDouble() < p[i] / 2 ? 1 : 0;
        }
        for (ProperScores.Bin b : ProperScores.reliability(p, y, ProperScores.BINS)) {
            assertEquals(b.meanProbability() / 2, b.observedRate(), 0.02, b.toString());
        }
    }

    @Test
    void equalForecastsShareOneBin() {
        double[] p = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.3, 0.4, 0.5, 0.6};
        int[] y = {0, 0, 0, 1, 0, 0, 0, 1, 1, 0};
        List<ProperScores.Bin> bins = ProperScores.reliability(p, y, 5);
        assertEquals(6, bins.get(0).windows(), "the six equal forecasts stay together");
        assertEquals(1.0 / 6, bins.get(0).observedRate(), 1e-12);
        assertEquals(10, bins.stream().mapToInt(ProperScores.Bin::windows).sum());
    }

    @Test
    void theVerdictNeedsSkillAndEveryMarketInTheBand() {
        Probabilities skilled = figures("p", 0.05, 0.01, 1.1);
        Probabilities unskilled = figures("p", 0.01, -0.02, 1.1);
        Map<String, Probabilities> inBand = Map.of("a", figures("a", 0.05, 0.01, 0.8));
        Map<String, Probabilities> outOfBand = Map.of("a", figures("a", 0.05, 0.01, 1.5));
        assertTrue(ProbabilityEvidence.Verdict.of(skilled, inBand).calibrated());
        ProbabilityEvidence.Verdict noSkill = ProbabilityEvidence.Verdict.of(unskilled, inBand);
        assertTrue(!noSkill.calibrated() && noSkill.inWords().startsWith("Read the number as a ranking of days"),
                noSkill.inWords());
        ProbabilityEvidence.Verdict off = ProbabilityEvidence.Verdict.of(skilled, outOfBand);
        assertTrue(!off.calibrated() && off.inWords().contains("a 1.50x"), off.inWords());
    }

    @Test
    void aScoreLevelReadsItsBin() {
        Probabilities p = new Probabilities("p", 4, 1, 0.25, 0.2, 0.2, 0.1, 0.1, skill(0, 0, 0), 0.3, 0.3,
                skill(0, 0, 0), skill(1, 1, 1), List.of(new ProperScores.Bin(0.05, 0.1, 2, 0, 0.08, 0),
                new ProperScores.Bin(0.2, 0.4, 2, 1, 0.3, 0.5)));
        assertEquals(0.0, p.binOf(0.01).observedRate(), "below the lowest: the lowest bin");
        assertEquals(0.0, p.binOf(0.15).observedRate(), "between bins: the one below");
        assertEquals(0.5, p.binOf(0.2).observedRate());
        assertEquals(0.5, p.binOf(0.9).observedRate(), "above the highest: the highest bin");
    }

    private static Probabilities figures(String name, double estimate, double low, double ratio) {
        return new Probabilities(name, 100, 10, 0.1, 0.1 * ratio, 0.1, 0.08, 0.09, skill(estimate, low, 0.1), 0.3,
                0.31, skill(estimate, low, 0.1), skill(ratio, ratio - 0.1, ratio + 0.1), List.of(
                new ProperScores.Bin(0, 1, 100, 10, 0.1 * ratio, 0.1)));
    }

    private static Skill skill(double estimate, double low, double high) {
        return new Skill(estimate, new Interval(low, high));
    }
}
