package io.sysrisk.training;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.inference.EnsembleConfig;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.model.Architecture;
import io.sysrisk.model.DjlModels;
import io.sysrisk.model.DjlScoring;
import io.sysrisk.model.EnsembleNet;
import io.sysrisk.model.SystemicRiskNet;
import io.sysrisk.model.WindowTranslator;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.windows.WindowSet;

/**
 * Trains a seed ensemble: one {@link SystemicRiskNet} per seed (each early-stopped on validation loss), joined into
 * one {@link EnsembleNet}; then fits Platt calibration of the averaged probability on the calibration windows (a part
 * of its own, after the validation windows the members stopped on) and
 * (the alarm threshold is the caller's: {@link io.sysrisk.evaluation.AlarmThreshold}). Averaging seeds removes most of the run-to-run spread a
 * single network shows; nothing here reads a test window.
 */
public final class EnsembleTrainer {

    private EnsembleTrainer() {
    }

    /** The calibrated ensemble (owned: close it) and how it was made. */
    public record Result(Model model, EnsembleConfig config, List<ModelManifest.MemberRun> members, float positiveWeight,
                         Device device, double seconds) implements WindowTrainer.Trained {
        @Override
        public List<io.sysrisk.experiment.EpochStats> history() {
            return members.get(0).history();
        }

        @Override
        public int bestEpoch() {
            return members.get(0).bestEpoch();
        }

        @Override
        public int epochsRun() {
            return members.get(0).epochsRun();
        }

        /** The alarm is chosen by the caller on calibration days. */
        @Override
        public double threshold() {
            return Double.NaN;
        }

        @Override
        public ModelManifest.EnsembleInfo ensemble() {
            return new ModelManifest.EnsembleInfo(config, members);
        }
    }

    public static Result train(ModelConfig member, List<Integer> seeds, WindowSet train, WindowSet validation,
                               WindowSet calibration, TrainConfig cfg, Consumer<String> log) {
        long start = System.nanoTime();
        List<byte[]> parameters = new ArrayList<>();
        List<ModelManifest.MemberRun> members = new ArrayList<>();
        float positiveWeight = 0;
        Device device = null;
        for (int i = 0; i < seeds.size(); i++) {
            int seed = seeds.get(i);
            String prefix = String.format("member %d/%d (seed %d): ", i + 1, seeds.size(), seed);
            try (ModelTrainer.Result r = ModelTrainer.train(Architecture.network(member), train, validation,
                    cfg.withSeed(seed), line -> log.accept(prefix + line))) {
                parameters.add(r.parameters());
                members.add(new ModelManifest.MemberRun(seed, r.bestEpoch(), r.history().size(), r.bestValidationLoss(), r.seconds(),
                        r.history()));
                positiveWeight = r.positiveWeight();
                device = r.device();
            }
        }
        int horizons = member.horizons() == null ? 0 : member.outputs();
        EnsembleConfig raw = horizons == 0 ? new EnsembleConfig(member, seeds, 1, 0)
                : new EnsembleConfig(member, seeds, 1, 0, EnsembleConfig.uncalibrated(horizons));
        List<WindowScore> scores;
        try (Model m = assemble(raw, parameters, device, validation);
             Predictor<WindowBatch, List<WindowScore>> p = m.newPredictor(WindowTranslator.of(m.getBlock()))) {
            scores = DjlScoring.score(p, calibration);
        }
        EnsembleConfig calibrated;
        String how;
        if (horizons == 0) {
            double[] z = scores.stream().mapToDouble(WindowScore::logit).toArray();
            PlattScaling.Fit fit = PlattScaling.fit(z, calibration.labels());
            calibrated = raw.withCalibration(fit.scale(), fit.shift());
            how = String.format("Platt scale %.3f, shift %.3f", fit.scale(), fit.shift());
        } else {
            List<EnsembleConfig.Calibration> fits = hazardCalibration(scores, calibration, horizons);
            calibrated = raw.withHazardCalibration(fits);
            how = "Platt per interval (scale, shift) " + fits.stream().map(f -> String.format(
                    java.util.Locale.ROOT, "(%.3f, %.3f)", f.scale(), f.shift())).toList();
        }
        Model model = assemble(calibrated, parameters, device, validation);
        try (Predictor<WindowBatch, List<WindowScore>> p = model.newPredictor(WindowTranslator.of(model.getBlock()))) {
            double[] prob = WindowScore.probabilities(DjlScoring.score(p, validation));
            Metrics vm = Metrics.of(prob, validation.labels(), Double.POSITIVE_INFINITY);
            log.accept(String.format("ensemble of %d: %s; validation ROC-AUC %.3f, PR-AUC %.3f "
                            + "(base %.3f), Brier %.4f", seeds.size(), how, vm.rocAuc(),
                    vm.prAuc(), vm.baseRate(), vm.brier()));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return new Result(model, calibrated, List.copyOf(members), positiveWeight, device,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * A term structure's calibration: for each interval k, Platt on the uncalibrated ensemble's hazard logit of k
     * over the calibration windows still at risk in it (no onset before), target "the first onset is in k". Each
     * interval is fitted apart and the curve stays non-decreasing, whatever the fits.
     */
    static List<EnsembleConfig.Calibration> hazardCalibration(List<WindowScore> scores, WindowSet windows,
                                                              int horizons) {
        List<EnsembleConfig.Calibration> out = new ArrayList<>();
        for (int k = 0; k < horizons; k++) {
            List<Double> z = new ArrayList<>();
            List<Integer> y = new ArrayList<>();
            for (int i = 0; i < windows.size(); i++) {
                if (windows.firstOnset()[i] >= k) {
                    z.add(scores.get(i).hazards()[k]);
                    y.add(windows.firstOnset()[i] == k ? 1 : 0);
                }
            }
            PlattScaling.Fit fit = PlattScaling.fit(z.stream().mapToDouble(Double::doubleValue).toArray(),
                    y.stream().mapToInt(Integer::intValue).toArray());
            out.add(new EnsembleConfig.Calibration(fit.scale(), fit.shift()));
        }
        return out;
    }

    /** A fresh ensemble model on {@code device} with each member's trained parameters loaded. */
    static Model assemble(EnsembleConfig config, List<byte[]> parameters, Device device, WindowSet shape) {
        EnsembleNet net = new EnsembleNet(config);
        Model model = DjlModels.newModel(ModelTrainer.MODEL_NAME, device, net);
        try {
            net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, shape.window(), shape.features()));
            for (int i = 0; i < parameters.size(); i++) {
                try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters.get(i)))) {
                    net.members().get(i).loadParameters(model.getNDManager(), in);
                }
            }
            return model;
        } catch (IOException e) {
            model.close();
            throw new UncheckedIOException(e);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalStateException("cannot assemble the ensemble: " + e.getMessage(), e);
        }
    }
}
