package io.sysrisk.research.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.sysrisk.data.MarketData;

class ErrorDiagramTest {

    /** Days 0..n-1 scored, onsets 150 to 400 days apart (seeded), and a score of each day. */
    private static ErrorDiagram.Fold fold(int n, int[] onsets, java.util.function.IntToDoubleFunction score) {
        return new ErrorDiagram.Fold(IntStream.range(0, n).toArray(), onsets,
                IntStream.range(0, n).mapToDouble(score).toArray());
    }

    private static int[] onsets(int n, long seed) {
        Random rnd = new Random(seed);
        List<Integer> out = new java.util.ArrayList<>();
        for (int t = 200 + rnd.nextInt(200); t < n; t += 150 + rnd.nextInt(250)) {
            out.add(t);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A score that is high exactly on the days 5-60 before an onset misses none at its own alarm share. */
    @Test
    void aPlantedWarningMissesNothingAtItsOwnAlarmShareAndBeatsItsShifts() {
        int n = 8000;
        int[] onsets = onsets(n, 4);
        boolean[] warning = new boolean[n];
        for (int e : onsets) {
            for (int t = Math.max(0, e - 60); t <= e - 5; t++) {
                warning[t] = true;
            }
        }
        long warningDays = IntStream.range(0, n).filter(t -> warning[t]).count();
        ErrorDiagram d = ErrorDiagram.of("planted", List.of(fold(n, onsets, t -> warning[t] ? 1 : 0)), 1);
        assertEquals(onsets.length, d.onsets());
        assertEquals(1.0, d.missRate()[0], 0.0, "no alarm, every onset missed");
        assertEquals(0.0, d.missRate()[ErrorDiagram.STEPS], 0.0, "always alarm, none missed");
        double share = (double) warningDays / n;
        assertEquals(0.0, d.missAt(Math.ceil(share * ErrorDiagram.STEPS) / ErrorDiagram.STEPS), 1e-12,
                "alarming on its warning days warns every onset");
        assertTrue(d.areaSkill() > d.shiftSkill()[2], d.areaSkill() + " "
                + java.util.Arrays.toString(d.shiftSkill()));
        assertTrue(d.missAt(0.06) < d.shiftMiss5()[3], "below what its shifts reach by luck at 6% alarm time");
    }

    /**
     * Noise has no timing: its area skill is its shifted copies' (high, as any scattered alarm's), and a constant's
     * ties are broken at random, not by date.
     */
    @Test
    void noiseAndConstantsHaveNoTiming() {
        int n = 20_000;
        int[] onsets = onsets(n, 5);
        Random rnd = new Random(3);
        double[] noise = rnd.doubles(n).toArray();
        ErrorDiagram d = ErrorDiagram.of("noise", List.of(fold(n, onsets, t -> noise[t])), 2);
        assertTrue(d.areaSkill() >= d.shiftSkill()[0] && d.areaSkill() <= d.shiftSkill()[2],
                d.areaSkill() + " within its shifts " + java.util.Arrays.toString(d.shiftSkill()));
        ErrorDiagram c = ErrorDiagram.of("constant", List.of(fold(n, onsets, t -> 7)), 2);
        assertEquals(d.areaSkill(), c.areaSkill(), 0.02, "a constant alarms on random days, like noise");
        assertTrue(c.missAt(0.02) > 0.2, "not on every day at once: " + c.missAt(0.02));
        // Reproducible to the bit.
        assertArrayEquals(d.missRate(), ErrorDiagram.of("noise", List.of(fold(n, onsets, t -> noise[t])), 2)
                .missRate());
    }

    /** The drawdown indicators read no day after theirs. */
    @Test
    void drawdownIndicatorsAreCausal() {
        int n = 600;
        Random rnd = new Random(9);
        double[] close = new double[n];
        close[0] = 100;
        for (int t = 1; t < n; t++) {
            close[t] = close[t - 1] * Math.exp(0.02 * rnd.nextGaussian());
        }
        double[] changed = close.clone();
        for (int t = 400; t < n; t++) {
            changed[t] = changed[t] * 0.5; // a crash after day 399
        }
        double[] memory = Indicators.drawdownMemory(data(close));
        double[] memoryChanged = Indicators.drawdownMemory(data(changed));
        double[] worst = Indicators.worstDrawdown(data(close));
        double[] worstChanged = Indicators.worstDrawdown(data(changed));
        for (int t = 0; t < 400; t++) {
            assertEquals(memory[t], memoryChanged[t], 0.0, "day " + t);
            assertEquals(worst[t], worstChanged[t], 0.0, "day " + t);
        }
        assertEquals(0.0, memoryChanged[400], 0.0, "the crash day is a drawdown day");
        assertEquals(0.0, memoryChanged[405], 0.0, "still half below the high of the days before the crash");
        for (int t = 1; t < n; t++) {
            assertTrue(memoryChanged[t] == 0 || memoryChanged[t] == memoryChanged[t - 1] - 1,
                    "a day more since the last drawdown day, or a drawdown day: " + t);
        }
        assertTrue(worstChanged[450] >= 0.5 - 1e-9, "a 50% fall within 120 days: " + worstChanged[450]);
    }

    private static MarketData data(double[] close) {
        return io.sysrisk.TestMarkets.index(close);
    }
}
