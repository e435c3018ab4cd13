package io.sysrisk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.sysrisk.experiment.ExperimentConfig;
import io.sysrisk.model.ModelConfig;
import io.sysrisk.training.TrainConfig;
import io.sysrisk.training.TrainingJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train CNN-BiLSTM-attention on an experiment, evaluate it on the held-out test part and write "
                + "it to the model store (replacing a version of the same name atomically).")
class Train implements Callable<Integer> {

    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--epochs", defaultValue = "60", description = "Maximum epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--patience", defaultValue = "8", description = "Early-stopping patience in epochs (default ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    int seed;

    @Option(names = "--batch-size", defaultValue = "64", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate (default ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(names = "--device", defaultValue = "auto", description = "auto (GPU when the engine sees one), cpu or gpu.")
    String device;

    @Option(names = "--weight-decay", defaultValue = "0", description = "Adam L2 weight decay (default ${DEFAULT-VALUE}).")
    float weightDecay;

    @Option(names = "--input-noise", defaultValue = "0", description = "Std of Gaussian noise on training inputs (default ${DEFAULT-VALUE}).")
    float inputNoise;

    @Option(names = "--no-attention", description = "Ablation: mean-pool the BiLSTM outputs instead of attention.")
    boolean noAttention;

    @Option(names = "--store", defaultValue = "model-store", description = "Model store folder (default ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--version", description = "Model version name (default: the experiment's name).")
    String version;

    @Override
    public Integer call() {
        ExperimentConfig exp = experiment.toConfig();
        ModelConfig ref = ModelConfig.reference();
        ModelConfig model = noAttention ? new ModelConfig(ref.convFilters(), ref.convKernel(), ref.poolSize(),
                ref.lstmUnits(), ref.attentionUnits(), ref.dropout(), false) : ref;
        TrainConfig train = new TrainConfig(epochs, batchSize, learningRate, patience, seed, 0f, device, weightDecay,
                inputNoise);
        new TrainingJob(exp, model, train, store, version != null ? version : exp.name()).run(System.out::println);
        return 0;
    }
}
