package io.sysrisk.evaluation;

import java.util.List;

import ai.djl.inference.Predictor;
import io.sysrisk.experiment.PreparedExperiment;
import io.sysrisk.features.FeaturePipeline;
import io.sysrisk.model.WindowBatch;
import io.sysrisk.model.WindowScore;
import io.sysrisk.windows.Part;
import io.sysrisk.windows.SplitIndices;
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

    public static final double PERSISTENCE_PERCENTILE = 90;

    public static EvaluationReport evaluate(PreparedExperiment exp, Predictor<WindowBatch, List<WindowScore>> predictor,
                                            double threshold) {
        WindowSet val = exp.part(Part.VALIDATION);
        WindowSet test = exp.part(Part.TEST);
        double[] pv = Scoring.probabilities(Scoring.score(predictor, val));
        double[] pt = Scoring.probabilities(Scoring.score(predictor, test));
        double[] vol = volatility(exp);
        double volThreshold = persistenceThreshold(exp, vol);
        return new EvaluationReport(Metrics.of(pv, val.labels(), threshold), Metrics.of(pt, test.labels(), threshold),
                alwaysNegative(test), persistence(exp, vol, volThreshold), volThreshold);
    }

    static Metrics alwaysNegative(WindowSet test) {
        return Metrics.of(new double[test.size()], test.labels(), 0.5);
    }

    static Metrics persistence(PreparedExperiment exp, double[] vol, double threshold) {
        SplitIndices.Range r = exp.split().get(Part.TEST);
        double[] score = new double[r.count()];
        double[] alert = new double[r.count()];
        for (int i = 0; i < score.length; i++) {
            score[i] = vol[r.from() + i];
            alert[i] = score[i] >= threshold ? 1 : 0;
        }
        return Metrics.of(score, exp.part(Part.TEST).labels(), threshold, alert);
    }

    static double persistenceThreshold(PreparedExperiment exp, double[] vol) {
        SplitIndices.Range r = exp.split().get(Part.TRAIN);
        double[] train = java.util.Arrays.copyOfRange(vol, r.from(), r.to() + 1);
        return new org.apache.commons.math3.stat.descriptive.rank.Percentile().evaluate(train, PERSISTENCE_PERCENTILE);
    }

    private static double[] volatility(PreparedExperiment exp) {
        return FeaturePipeline.realizedVolatility(FeaturePipeline.logReturns(FeaturePipeline.marketLevel(exp.data())), 20);
    }
}
