package io.sysrisk.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.experiment.EpochStats;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.model.DjlScoring;
import io.sysrisk.model.SystemicRiskNet;
import io.sysrisk.model.WindowTranslator;
import io.sysrisk.windows.WindowSet;

/**
 * Trains a window classifier with Adam on the class-weighted loss, early-stops on the validation loss (or, when
 * configured, the validation log loss after refitting Platt on validation, or validation PR-AUC; loss anyway when
 * the validation part has no event), restores the best epoch and
 * picks the decision threshold that maximizes validation F1. The test part is never touched here.
 *
 * <p>A term structure's network (issue 26, {@link io.sysrisk.inference.ModelConfig#horizons}) trains on the hazard's
 * censored likelihood ({@link HazardLoss}, unweighted: its probabilities are meant as such), anchored on one
 * reference per interval ({@link AnchorFit#ofIntervals}); its validation loss is that likelihood, and F1, PR-AUC
 * and the threshold read its served horizon's probability.
 */
public final class ModelTrainer {

    public static final String MODEL_NAME = "sysrisk";

    private ModelTrainer() {
    }

    /** A trained model (owned: close it) and how it got there. */
    public record Result(Model model, Device device, List<EpochStats> history, int bestEpoch, float positiveWeight,
                         double threshold, double seconds) implements WindowTrainer.Trained {

        /** The trained block's parameters in DJL's block format, to load into another block of the same shape. */
        public byte[] parameters() {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
                model.getBlock().saveParameters(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        /** Validation loss at the restored epoch (0: an anchored network's reference, before any training). */
        public double bestValidationLoss() {
            return history.stream().filter(e -> e.epoch() == bestEpoch).findFirst().orElseThrow().validationLoss();
        }

    }

    public static Result train(Block block, WindowSet train, WindowSet validation, TrainConfig cfg,
                               Consumer<String> log) {
        long start = System.nanoTime();
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed(cfg.seed());
        // Steps and validations outside the gradient collector, on whatever thread trains, as on the engine's own.
        io.sysrisk.model.Autograd.offOnThisThread();
        Device device = Devices.choose(cfg.device());
        log.accept("engine " + engine.getEngineName() + " " + engine.getVersion() + ", device " + device
                + (device.isGpu() ? "" : " (no GPU seen by the engine)"));

        int pos = train.positives();
        if (pos == 0 || pos == train.size()) {
            throw new IllegalArgumentException("the training part has " + pos + " positive windows of " + train.size()
                    + "; a classifier needs both classes");
        }
        int horizons = block instanceof SystemicRiskNet n && n.config().horizons() != null ? n.config().outputs() : 0;
        if (horizons > 0 && (train.firstOnset() == null || validation.firstOnset() == null)) {
            throw new IllegalArgumentException("a term-structure network needs windows labelled at every horizon");
        }
        float positiveWeight = horizons > 0 ? 1f
                : cfg.positiveWeight() > 0 ? cfg.positiveWeight() : (float) (train.size() - pos) / pos;
        Loss loss = horizons > 0 ? new HazardLoss() : new WeightedBinaryCrossEntropy(positiveWeight);

        Model model = io.sysrisk.model.DjlModels.newModel(MODEL_NAME, device, block);
        try (BestCheckpoint checkpoint = new BestCheckpoint(model)) {
            DefaultTrainingConfig tc = trainingConfig(loss, cfg, device);
            List<EpochStats> history = new ArrayList<>();
            EarlyStopping stopping = new EarlyStopping(cfg, validation.positives());
            if (horizons > 0 && stopping.needsCalibratedLoss()) {
                throw new IllegalArgumentException("a term structure stops on its validation likelihood or PR-AUC, "
                        + "not the one-output calibrated loss");
            }
            List<EpochListener> listeners = List.of(checkpoint, new ProgressLog(log, cfg.maxEpochs()));
            try (Trainer trainer = model.newTrainer(tc);
                 Predictor<WindowBatch, List<WindowScore>> predictor =
                         model.newPredictor(WindowTranslator.of(model.getBlock()))) {
                trainer.initialize(new Shape(cfg.batchSize(), train.window(), train.features()));
                if (block instanceof SystemicRiskNet net && net.config().anchored()) {
                    // The reference first; the untrained network is exactly it, and stays the restored one when no
                    // epoch of the correction improves the validation loss.
                    int feature = net.config().anchorFeature();
                    AnchorFit[] fits = horizons > 0 ? AnchorFit.ofIntervals(train, feature, horizons)
                            : new AnchorFit[] {AnchorFit.of(train, feature, positiveWeight)};
                    float[][] weights = new float[fits.length][];
                    float[] intercepts = new float[fits.length];
                    StringBuilder reference = new StringBuilder();
                    for (int k = 0; k < fits.length; k++) {
                        weights[k] = fits[k].weights();
                        intercepts[k] = fits[k].intercept();
                        reference.append(String.format("%s%.4f %+.4f", k == 0 ? "" : "; ", fits[k].intercept(),
                                fits[k].weights()[feature]));
                    }
                    net.anchor(weights, intercepts);
                    Validation v = validate(predictor, validation, positiveWeight, stopping, 0, Double.NaN, horizons);
                    EpochStats s = v.stats();
                    history.add(s);
                    stopping.offer(s, v.calibratedLoss());
                    checkpoint.save();
                    log.accept(String.format("epoch   0 (the reference: logit %s x feature %d of the last day%s)"
                                    + "  val loss %.4f  val PR-AUC %.3f  *best", reference, feature,
                            horizons > 0 ? ", per interval" : "", s.validationLoss(), s.validationPrAuc()));
                }
                Random shuffle = new Random(cfg.seed());
                int[] order = new int[train.size()];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                for (int epoch = 1; epoch <= cfg.maxEpochs() && !stopping.stop(); epoch++) {
                    long t0 = System.nanoTime();
                    shuffle(order, shuffle);
                    double trainLoss = trainEpoch(trainer, loss, train, order, cfg, shuffle, horizons);
                    Validation v = validate(predictor, validation, positiveWeight, stopping, epoch, trainLoss,
                            horizons);
                    EpochStats s = new EpochStats(epoch, trainLoss, v.stats().validationLoss(),
                            v.stats().validationF1(), v.stats().validationPrAuc(), (System.nanoTime() - t0) / 1e9);
                    history.add(s);
                    boolean best = stopping.offer(s, v.calibratedLoss());
                    listeners.forEach(l -> l.onEpoch(s, best));
                }
            }
            checkpoint.restore();
            double threshold;
            try (Predictor<WindowBatch, List<WindowScore>> predictor =
                         model.newPredictor(WindowTranslator.of(model.getBlock()))) {
                double[] p = WindowScore.probabilities(DjlScoring.score(predictor, validation));
                threshold = Metrics.bestF1Threshold(p, validation.labels());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            log.accept(String.format("best epoch %d of %d (%s), threshold %.4f, %.0f s", stopping.bestEpoch(),
                    history.size(), stopping.summary(), threshold, seconds));
            return new Result(model, device, List.copyOf(history), stopping.bestEpoch(), positiveWeight, threshold,
                    seconds);
        } catch (IOException e) {
            model.close();
            throw new UncheckedIOException(e);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
    }

    /**
     * One epoch's validation figures (loss, F1 at its best threshold, PR-AUC; seconds 0, the caller times the epoch)
     * and, when the early-stopping criterion needs it, the validation log loss after Platt's scale and shift are
     * refitted on the validation windows (unchanged by any affine change of the logits; NaN otherwise), from one
     * scoring pass.
     */
    private static Validation validate(Predictor<WindowBatch, List<WindowScore>> predictor, WindowSet validation,
                                       float positiveWeight, EarlyStopping stopping, int epoch, double trainLoss,
                                       int horizons) {
        List<WindowScore> val = DjlScoring.score(predictor, validation);
        double[] p = WindowScore.probabilities(val);
        double valLoss = horizons > 0 ? hazardLoss(val, validation)
                : weightedLoss(val, validation.labels(), positiveWeight);
        Metrics m = Metrics.of(p, validation.labels(), Metrics.bestF1Threshold(p, validation.labels()));
        double calibrated = Double.NaN;
        if (stopping.needsCalibratedLoss()) {
            double[] z = val.stream().mapToDouble(WindowScore::logit).toArray();
            calibrated = PlattScaling.logLoss(z, validation.labels(), PlattScaling.fit(z, validation.labels()));
        }
        return new Validation(new EpochStats(epoch, trainLoss, valLoss, m.f1(), m.prAuc(), 0), calibrated);
    }

    private record Validation(EpochStats stats, double calibratedLoss) {
    }

    /** DJL's training set-up for {@code cfg}: Adam with its learning rate and weight decay, on {@code device}. */
    public static DefaultTrainingConfig trainingConfig(Loss loss, TrainConfig cfg, Device device) {
        return new DefaultTrainingConfig(loss)
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(cfg.learningRate()))
                        .optWeightDecays(cfg.weightDecay()).build())
                .optDevices(new Device[] {device});
    }

    /** One pass over {@code train} in the given order; returns the mean training loss. */
    public static double trainEpoch(Trainer trainer, Loss loss, WindowSet train, int[] order, TrainConfig cfg,
                                    Random rnd) {
        return trainEpoch(trainer, loss, train, order, cfg, rnd, 0);
    }

    /** As above; with {@code horizons} > 0 the labels are each window's nested labels at every horizon (N, K). */
    static double trainEpoch(Trainer trainer, Loss loss, WindowSet train, int[] order, TrainConfig cfg, Random rnd,
                             int horizons) {
        int batchSize = cfg.batchSize();
        int k = Math.max(1, horizons);
        int size = train.window() * train.features();
        double total = 0;
        for (int from = 0; from < order.length; from += batchSize) {
            int n = Math.min(batchSize, order.length - from);
            float[] x = new float[n * size];
            float[] y = new float[n * k];
            for (int i = 0; i < n; i++) {
                int w = order[from + i];
                System.arraycopy(train.data(), w * size, x, i * size, size);
                if (horizons > 0) {
                    System.arraycopy(train.horizonLabels(w, horizons), 0, y, i * k, k);
                } else {
                    y[i] = train.labels()[w];
                }
            }
            if (cfg.inputNoise() > 0) {
                for (int j = 0; j < x.length; j++) {
                    x[j] += (float) (rnd.nextGaussian() * cfg.inputNoise());
                }
            }
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDArray xs = batch.create(x, new Shape(n, train.window(), train.features()));
                NDArray ys = horizons > 0 ? batch.create(y, new Shape(n, k)) : batch.create(y);
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDArray logits = trainer.forward(new NDList(xs)).head();
                    NDArray l = loss.evaluate(new NDList(ys), new NDList(logits));
                    gc.backward(l);
                    total += l.getFloat() * n;
                }
                trainer.step();
            }
        }
        return total / order.length;
    }

    /** The training loss's value on scored windows, for progress lines. */
    static double weightedLoss(List<WindowScore> scores, int[] y, float positiveWeight) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double z = scores.get(i).logit();
            sum += y[i] == 1 ? positiveWeight * softplus(-z) : softplus(z);
        }
        return sum / y.length;
    }

    /** The hazard's censored likelihood on scored windows of a term structure (mean -log P(observed interval)). */
    static double hazardLoss(List<WindowScore> scores, WindowSet windows) {
        double sum = 0;
        for (int i = 0; i < windows.size(); i++) {
            sum += io.sysrisk.inference.HazardCurve.negativeLogLikelihood(scores.get(i).hazards(),
                    windows.firstOnset()[i]);
        }
        return sum / windows.size();
    }

    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    private static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
