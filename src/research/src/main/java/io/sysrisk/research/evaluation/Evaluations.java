package io.sysrisk.research.evaluation;

import io.sysrisk.evaluation.EvaluationReport;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.inference.WindowScorer;
import io.sysrisk.research.experiment.PreparedExperiment;
import io.sysrisk.windows.Part;
import io.sysrisk.windows.WindowSet;

/** Computes an {@link EvaluationReport}: a model's metrics on an experiment's validation and test parts. */
public final class Evaluations {

    private Evaluations() {
    }

    /** {@code model}: any engine (no DJL type appears here, so the manifest reads without DJL on the class path). */
    public static EvaluationReport evaluate(PreparedExperiment exp, WindowScorer model, double threshold) {
        WindowSet val = exp.part(Part.VALIDATION);
        WindowSet test = exp.part(Part.TEST);
        double[] pv = WindowScore.probabilities(WindowScorer.scoreAll(model, val.data(), val.window(), val.features(),
                val.size()));
        double[] pt = WindowScore.probabilities(WindowScorer.scoreAll(model, test.data(), test.window(), test.features(),
                test.size()));
        Indicators.Scores persistence = Indicators.persistence(exp.data(), exp.split().get(Part.TRAIN),
                test.rows());
        return new EvaluationReport(Metrics.of(pv, val.labels(), threshold), Metrics.of(pt, test.labels(), threshold),
                Metrics.of(new double[test.size()], test.labels(), 0.5), persistence.metrics(test.labels()),
                persistence.threshold());
    }
}
