package io.sysrisk.training;

/**
 * How a model is trained.
 *
 * @param maxEpochs      upper bound on epochs; early stopping usually ends sooner
 * @param batchSize      windows per optimizer step
 * @param learningRate   Adam's learning rate
 * @param patience       epochs without a better validation PR-AUC before stopping
 * @param seed           seeds the engine (weights, dropout) and the shuffling
 * @param positiveWeight weight of the positive class in the loss; 0 means n_negative / n_positive of the training part
 * @param device         "auto" (GPU when the engine sees one, else CPU), "cpu" or "gpu"
 * @param weightDecay    Adam's L2 weight decay
 * @param inputNoise     standard deviation of Gaussian noise added to each normalized training input (augmentation)
 */
public record TrainConfig(int maxEpochs, int batchSize, float learningRate, int patience, int seed,
                          float positiveWeight, String device, float weightDecay, float inputNoise) {

    public TrainConfig {
        if (maxEpochs < 1 || batchSize < 1 || !(learningRate > 0) || patience < 1 || positiveWeight < 0
                || weightDecay < 0 || inputNoise < 0) {
            throw new IllegalArgumentException("invalid training config: epochs " + maxEpochs + ", batch " + batchSize
                    + ", lr " + learningRate + ", patience " + patience + ", positive weight " + positiveWeight
                    + ", weight decay " + weightDecay + ", input noise " + inputNoise);
        }
        if (!device.equals("auto") && !device.equals("cpu") && !device.equals("gpu")) {
            throw new IllegalArgumentException("device must be auto, cpu or gpu, got '" + device + "'");
        }
    }

    public static TrainConfig defaults() {
        return new TrainConfig(60, 64, 1e-3f, 8, 42, 0f, "auto", 0f, 0f);
    }

    public TrainConfig withSeed(int s) {
        return new TrainConfig(maxEpochs, batchSize, learningRate, patience, s, positiveWeight, device, weightDecay, inputNoise);
    }

    public TrainConfig withMaxEpochs(int e) {
        return new TrainConfig(e, batchSize, learningRate, patience, seed, positiveWeight, device, weightDecay, inputNoise);
    }

    public TrainConfig withPatience(int p) {
        return new TrainConfig(maxEpochs, batchSize, learningRate, p, seed, positiveWeight, device, weightDecay, inputNoise);
    }

    public TrainConfig withRegularization(float decay, float noise) {
        return new TrainConfig(maxEpochs, batchSize, learningRate, patience, seed, positiveWeight, device, decay, noise);
    }

    public TrainConfig withDevice(String d) {
        return new TrainConfig(maxEpochs, batchSize, learningRate, patience, seed, positiveWeight, d, weightDecay, inputNoise);
    }
}
