package io.sysrisk.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.sysrisk.experiment.DecisionFloor;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.training.Recipe;
import io.sysrisk.training.TrainingData;
import io.sysrisk.training.TrainingJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train and write a model version to the store (replacing a version of the same name "
                + "atomically; its report/ folder is kept). Default: the any-index model, a calibrated 5-seed "
                + "ensemble pooled over every embedded equity market's closes. --csv (your file) and --dataset (one "
                + "embedded dataset) train in the same shape on one market with all its columns; --csv with --kind markets "
                + "(one column of closes per market) pools several markets as the default does.")
class Train implements Callable<Integer>, DjlJob {

    private static final TrainConfig DEFAULTS = TrainConfig.defaults();

    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--epochs", description = "Maximum epochs (default " + TrainConfig.DEFAULT_MAX_EPOCHS + ").")
    Integer epochs;

    @Option(names = "--patience", description = "Early-stopping patience in epochs (default "
            + TrainConfig.DEFAULT_PATIENCE + ").")
    Integer patience;

    @Option(names = "--seeds", split = ",", description = "One ensemble member per seed (default 1,2,3,4,5).")
    List<Integer> seeds;

    @Option(names = "--model", description = "Network size: small (16 filters and units; the recipe's default) or "
            + "reference (64).")
    String modelSize;

    @Option(names = "--recipe", description = "any-index: one of the recipes the nested selection compares ("
            + "plain, anchored, anchored-reference-size, anchored-shape-inputs, anchored-spi-sectors, "
            + "anchored-calibrated-stop; anchored = the network as a correction of a logistic reference on the last day's vol_20d). Default: the one the "
            + "selection over every embedded market picked, ${DEFAULT-VALUE}. --model and --features override its "
            + "size and inputs.", defaultValue = Recipe.SERVED_NAME)
    String recipe;

    @Option(names = "--batch-size", description = "Batch size (default " + TrainConfig.DEFAULT_BATCH_SIZE + ").")
    Integer batchSize;

    @Option(names = "--lr", description = "Adam learning rate (default " + TrainConfig.DEFAULT_LEARNING_RATE + ").")
    Float learningRate;

    @Option(names = "--device", description = "auto (GPU when the engine sees one; default), cpu or gpu.")
    String device;

    @Option(names = "--weight-decay", description = "Adam L2 weight decay (default 0).")
    Float weightDecay;

    @Option(names = "--input-noise", description = "Std of Gaussian noise on training inputs (default 0).")
    Float inputNoise;

    @Option(names = "--select-by", description = "Early stopping by validation loss (default; any-index: the "
            + "recipe's), calibrated-loss (log loss after refitting Platt on validation) or pr-auc.")
    String selection;

    @Option(names = "--no-attention", description = "Ablation: mean-pool the BiLSTM outputs instead of attention.")
    boolean noAttention;

    @Option(names = "--min-events", description = "Distinct events (runs of positive windows) the training, "
            + "validation and calibration parts must each hold, or the job stops before training (default "
            + DecisionFloor.DEFAULT_MIN_EVENTS + ").")
    Integer minEvents;

    @Option(names = "--min-positives", description = "Positive windows each of those parts must hold (default "
            + DecisionFloor.DEFAULT_MIN_POSITIVES + ").")
    Integer minPositives;

    @Option(names = "--horizons", split = ",", description = "A term structure (how soon): the probability of an "
            + "onset within each of these trading days, e.g. 5,20,60, from one hazard head; they must include the "
            + "label's own window, whose probability stays the answer's 'probability'. Default: one horizon.")
    List<Integer> horizons;

    @Option(names = "--systemic", description = "Read the systemic inputs of the embedded panel (VIX, rates, "
            + "cross-market breadth, correlation, absorption ratio and turbulence, members' dispersion, gold and oil "
            + "volatility) after each market's own, each market reading the state of the day before its close.")
    boolean systemic;

    @Option(names = "--store", defaultValue = io.sysrisk.store.ModelStore.DEFAULT_ROOT, description = "Model store folder (default ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--version", description = "Model version name (default: the experiment's name).")
    String version;

    /** The old single-market split dates: not listed, since every model is split like the default; refused. */
    @Option(names = {"--validation-start", "--test-start", "--test-end"}, hidden = true)
    String oldSplitDate;

    @Override
    public Integer call() {
        if (oldSplitDate != null) {
            throw new IllegalArgumentException("every model is split like the default: the latest --validation-share "
                    + "of its windows for validation and calibration, no test part (its evidence is the report's); "
                    + "drop --validation-start, --test-start and --test-end");
        }
        if (!experiment.pooled() && !experiment.ownData()) {
            throw new IllegalArgumentException(ExperimentOptions.retired(experiment.experiment));
        }
        if (modelSize != null && !modelSize.equals("small") && !modelSize.equals("reference")) {
            throw new IllegalArgumentException("--model must be small or reference, got '" + modelSize + "'");
        }
        TrainConfig train = new TrainConfig(or(epochs, DEFAULTS.maxEpochs()), or(batchSize, DEFAULTS.batchSize()),
                or(learningRate, DEFAULTS.learningRate()), or(patience, DEFAULTS.patience()),
                DEFAULTS.seed(), DEFAULTS.positiveWeight(), or(device, DEFAULTS.device()),
                or(weightDecay, DEFAULTS.weightDecay()), or(inputNoise, DEFAULTS.inputNoise()),
                or(selection, DEFAULTS.selection()));
        DecisionFloor floor = new DecisionFloor(or(minEvents, DecisionFloor.DEFAULT_MIN_EVENTS),
                or(minPositives, DecisionFloor.DEFAULT_MIN_POSITIVES));
        Recipe r = Recipe.byName(recipe);
        if (experiment.ownData() && r.spiSectors()) {
            throw new IllegalArgumentException("--recipe " + recipe + " trains on the embedded SPI sectors; with "
                    + "--csv or --dataset give another recipe");
        }
        if (selection == null) {
            train = r.training(train);
        }
        if (modelSize != null) {
            r = r.withSize(modelSize);
        }
        TrainingData data;
        PooledConfig exp;
        if (experiment.ownData()) {
            data = experiment.ownTrainingData();
            exp = experiment.ownPooledConfig(data);
            r = r.withFeatures(exp.featureIds());
        } else {
            if (experiment.features != null) {
                r = r.withFeatures(experiment.features);
            }
            exp = r.experiment(experiment.toPooledConfig());
            data = TrainingData.embedded(exp.name(), r.spiSectors());
        }
        if (systemic) {
            r = r.withSystemicInputs(Recipe.SYSTEMIC_INPUTS);
        }
        ModelConfig m = r.member();
        ModelConfig member = noAttention ? m.withoutAttention() : m;
        if (horizons != null) {
            if (experiment.ownData()) {
                // Its evidence (report, horizon by horizon) holds the embedded markets out in turn; a model of a
                // user's file would have none, so it is not trained.
                throw new IllegalArgumentException("--horizons trains the embedded markets' model (its per-horizon "
                        + "evidence is their leave-one-market-out); with --csv or --dataset it is not supported yet");
            }
            exp = exp.withHorizons(horizons);
            member = member.withHorizons(exp.horizons(), exp.label().horizon());
        }
        String name = version != null ? version : exp.name();
        if (experiment.ownData()) {
            refuseToReplaceAnotherKind(name);
        }
        new TrainingJob(r.experiment(exp), member, data,
                seeds != null ? seeds : TrainingJob.DEFAULT_SEEDS, train, floor, store, name)
                .run(System.out::println);
        return 0;
    }

    /**
     * A model of a user's data replaces only a model of a user's data (one market, or a file of several markets): a
     * file or dataset named like the default would otherwise overwrite it.
     */
    private void refuseToReplaceAnotherKind(String name) {
        io.sysrisk.store.ModelStore s = new io.sysrisk.store.ModelStore(store);
        if (s.has(name) && !s.manifest(name).isOneMarket()
                && !TrainingData.isMarketsFile(s.manifest(name).data())) { // a joined model's data is one too
            throw new IllegalArgumentException("version " + name + " in " + store + " is not a model of one market "
                    + "or of a file of several markets (it is the default); give another --version");
        }
    }

    /**
     * The named single-market experiments trained one plain network on the drawdown label with no calibration part,
     * alarm gate or walk-forward evidence. That job is gone; their data trains in the default's shape instead.
     */

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
