package io.sysrisk.evaluation;

import io.sysrisk.experiment.PreparedExperiment;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.inference.WindowScorer;
import io.sysrisk.windows.Part;
import io.sysrisk.windows.WindowSet;

/**
 * A model's metrics on validation and on the untouched test part, beside two trivial references on the same test
 * windows so that label persistence is not mistaken for skill:
 * <ul>
 *   <li>always-negative: never alerts (probability 0);</li>
 *   <li>persistence: alerts when today's 20-day realized volatility is above its 90th percentile over the training
 *       part; its ROC and PR curves rank by that volatility, its Brier score uses the 0/1 alert.</li>
 * </ul>
 */
public record EvaluationReport(Metrics validation, Metrics test, Metrics alwaysNegative, Metrics persistence,
                               double persistenceVolatilityThreshold) {

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
