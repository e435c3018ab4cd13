package io.sysrisk.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.sysrisk.model.Architecture;
import io.sysrisk.research.evidence.Difference;
import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.evidence.Interval;
import io.sysrisk.training.PlattScaling;

/** The paper's comparison's rows: their names and windows, how a row's members become one probability, its words. */
class PaperRowsTest {

    @Test
    void theRowsAreThePapersAndTheLongestWindowIsTheirs() {
        assertEquals(List.of(Architecture.CNN, Architecture.BILSTM, Architecture.TRANSFORMER, Architecture.TCN,
                Architecture.CNN_BILSTM, Architecture.CNN_BILSTM_ATTENTION, Architecture.CNN_BILSTM_ATTENTION),
                PaperRows.ALL.stream().map(PaperRows.Row::architecture).toList());
        assertEquals(List.of(60, 60, 60, 60, 60, 30, 120), PaperRows.ALL.stream().map(r -> r.window(60)).toList());
        assertEquals(120, PaperRows.longestWindow(PaperRows.ALL, 60));
        assertEquals(60, PaperRows.longestWindow(List.of(), 60), "no row: the study's window");
        PaperRows.ALL.forEach(r -> assertTrue(Evidence.paperRow(r.name()), r.name()));
        assertThrows(IllegalArgumentException.class, () -> new PaperRows.Row("cnn", Architecture.CNN, 0, "x"));
        assertThrows(IllegalArgumentException.class, () -> new PaperRows.Row(Evidence.PAPER_ROW + "logistic",
                Architecture.LOGISTIC, 0, "x"));
    }

    /** The members' mean probability, its logit kept off 0 and 1, then the Platt fit: identity gives the mean back. */
    @Test
    void aRowIsItsMembersMeanProbabilityPlattCalibrated() {
        double[] z = PaperRows.logits(new double[] {0.2, 1.8, 0.0, 2.0}, 2);
        double[] p = PaperRows.calibrated(z, new PlattScaling.Fit(1, 0));
        assertEquals(0.1, p[0], 1e-12);
        assertEquals(0.9, p[1], 1e-12);
        assertEquals(1e-6, p[2], 1e-12, "kept off 0");
        assertEquals(1 - 1e-6, p[3], 1e-12, "kept off 1");
        double[] shifted = PaperRows.calibrated(z, new PlattScaling.Fit(2, -1));
        assertEquals(1 / (1 + Math.exp(-(2 * Math.log(0.1 / 0.9) - 1))), shifted[0], 1e-12);
    }

    @Test
    void itsWordsFollowThePairedIntervals() {
        Difference below = new Difference(-0.02, new Interval(-0.04, -0.01));
        Difference level = new Difference(0.0, new Interval(-0.01, 0.01));
        Difference above = new Difference(0.02, new Interval(0.01, 0.04));
        assertTrue(row(below, below).inWords().startsWith("holds:"));
        assertTrue(row(level, below).inWords().startsWith("holds in part") && row(level, below).inWords()
                .endsWith("PR-AUC only"));
        assertTrue(row(below, level).inWords().endsWith("ROC-AUC only"));
        assertTrue(row(level, level).inWords().startsWith("not shown"));
        assertTrue(row(above, level).inWords().startsWith("reversed"));
    }

    private static Evidence.PaperRow row(Difference roc, Difference pr) {
        return new Evidence.PaperRow(Evidence.PAPER_ROW + "x", "cnn", 60, "claim", roc, pr, roc, pr);
    }
}
