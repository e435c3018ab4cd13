package io.sysrisk.experiment;

/**
 * How a model is trained.
 *
 * @param maxEpochs      upper bound on epochs; early stopping usually ends sooner
 * @param batchSize      windows per optimizer step
 * @param learningRate   Adam's learning rate
 * @param patience       epochs without a better validation figure (the one {@code selection} names) before stopping
 * @param seed           seeds the engine (weights, dropout) and the shuffling
 * @param positiveWeight weight of the positive class in the loss; 0 means n_negative / n_positive of the training part
 * @param device         "auto" (GPU when the engine sees one, else CPU), "cpu" or "gpu"
 * @param weightDecay    Adam's L2 weight decay
 * @param inputNoise     standard deviation of Gaussian noise added to each normalized training input (augmentation)
 * @param selection      what early stopping and the restored epoch go by: "loss" (the class-weighted validation loss,
 *                       the default), "calibrated-loss" (the validation log loss after Platt's scale and shift are
 *                       refitted on the validation windows: it judges what calibration serves, so a change of
 *                       logit scale or shift that calibration undoes neither helps nor hurts an epoch) or "pr-auc"
 *                       (validation PR-AUC; noisy with few validation events: it picks lucky, overfitted epochs).
 *                       Required; manifests written before this setting existed read as "pr-auc", what they used
 *                       ({@link #fromManifest}).
 */
public record TrainConfig(int maxEpochs, int batchSize, float learningRate, int patience, int seed,
                          float positiveWeight, String device, float weightDecay, float inputNoise, String selection) {

    public static final int DEFAULT_MAX_EPOCHS = 60;
    public static final int DEFAULT_BATCH_SIZE = 64;
    public static final float DEFAULT_LEARNING_RATE = 1e-3f;
    public static final int DEFAULT_PATIENCE = 8;
    public static final int DEFAULT_SEED = 42;
    public static final String SELECT_LOSS = "loss";
    public static final String SELECT_PR_AUC = "pr-auc";
    public static final String SELECT_CALIBRATED_LOSS = "calibrated-loss";

    public TrainConfig {
        if (maxEpochs < 1 || batchSize < 1 || !(learningRate > 0) || patience < 1 || positiveWeight < 0
                || weightDecay < 0 || inputNoise < 0) {
            throw new IllegalArgumentException("invalid training config: epochs " + maxEpochs + ", batch " + batchSize
                    + ", lr " + learningRate + ", patience " + patience + ", positive weight " + positiveWeight
                    + ", weight decay " + weightDecay + ", input noise " + inputNoise);
        }
        if (!SELECT_LOSS.equals(selection) && !SELECT_PR_AUC.equals(selection)
                && !SELECT_CALIBRATED_LOSS.equals(selection)) {
            throw new IllegalArgumentException("selection must be loss, calibrated-loss or pr-auc, got '" + selection
                    + "'");
        }
        if (!device.equals("auto") && !device.equals("cpu") && !device.equals("gpu")) {
            throw new IllegalArgumentException("device must be auto, cpu or gpu, got '" + device + "'");
        }
    }

    /**
     * Reads a manifest's training config. A manifest written before {@code selection} existed has none and was trained
     * by validation PR-AUC: that is what its absence means there, and only there ({@link #defaults()} is the one
     * default for new training).
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    static TrainConfig fromManifest(@com.fasterxml.jackson.annotation.JsonProperty("maxEpochs") int maxEpochs,
                                    @com.fasterxml.jackson.annotation.JsonProperty("batchSize") int batchSize,
                                    @com.fasterxml.jackson.annotation.JsonProperty("learningRate") float learningRate,
                                    @com.fasterxml.jackson.annotation.JsonProperty("patience") int patience,
                                    @com.fasterxml.jackson.annotation.JsonProperty("seed") int seed,
                                    @com.fasterxml.jackson.annotation.JsonProperty("positiveWeight") float positiveWeight,
                                    @com.fasterxml.jackson.annotation.JsonProperty("device") String device,
                                    @com.fasterxml.jackson.annotation.JsonProperty("weightDecay") float weightDecay,
                                    @com.fasterxml.jackson.annotation.JsonProperty("inputNoise") float inputNoise,
                                    @com.fasterxml.jackson.annotation.JsonProperty("selection") String selection) {
        return new TrainConfig(maxEpochs, batchSize, learningRate, patience, seed, positiveWeight, device, weightDecay,
                inputNoise, selection == null ? SELECT_PR_AUC : selection);
    }

    public static TrainConfig defaults() {
        return new TrainConfig(DEFAULT_MAX_EPOCHS, DEFAULT_BATCH_SIZE, DEFAULT_LEARNING_RATE, DEFAULT_PATIENCE,
                DEFAULT_SEED, 0f, "auto", 0f, 0f, SELECT_LOSS);
    }

    public TrainConfig withSeed(int s) {
        return new TrainConfig(maxEpochs, batchSize, learningRate, patience, s, positiveWeight, device, weightDecay, inputNoise, selection);
    }

    public TrainConfig withMaxEpochs(int e) {
        return new TrainConfig(e, batchSize, learningRate, patience, seed, positiveWeight, device, weightDecay, inputNoise, selection);
    }

    public TrainConfig withPatience(int p) {
        return new TrainConfig(maxEpochs, batchSize, learningRate, p, seed, positiveWeight, device, weightDecay, inputNoise, selection);
    }

    public TrainConfig withRegularization(float decay, float noise) {
        return new TrainConfig(maxEpochs, batchSize, learningRate, patience, seed, positiveWeight, device, decay, noise, selection);
    }

    public TrainConfig withDevice(String d) {
        return new TrainConfig(maxEpochs, batchSize, learningRate, patience, seed, positiveWeight, d, weightDecay, inputNoise, selection);
    }

    public TrainConfig withSelection(String s) {
        return new TrainConfig(maxEpochs, batchSize, learningRate, patience, seed, positiveWeight, device, weightDecay,
                inputNoise, s);
    }

    public TrainConfig withBatchSize(int b) {
        return new TrainConfig(maxEpochs, b, learningRate, patience, seed, positiveWeight, device, weightDecay,
                inputNoise, selection);
    }
}
