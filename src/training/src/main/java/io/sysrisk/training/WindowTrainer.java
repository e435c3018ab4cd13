package io.sysrisk.training;

import java.util.List;
import java.util.function.Consumer;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.model.Architecture;
import io.sysrisk.model.WindowTranslator;
import io.sysrisk.windows.WindowSet;

/**
 * The one shape of training: windows in, a trained DJL model out. A single network ({@link #network}) and the
 * calibrated seed ensemble ({@link #ensemble}) both take it; the two training jobs differ only in their experiment
 * and in what their manifest records ({@link ManifestBuilder}).
 */
public interface WindowTrainer {

    /**
     * @param calibration windows after the validation ones, for a calibration fitted apart from early stopping; null
     *                    when the trainer fits none (a single network picks its threshold on validation)
     */
    Trained train(WindowSet train, WindowSet validation, WindowSet calibration, TrainConfig cfg, Consumer<String> log);

    /** A trained model (owned: close it) and what every manifest records of its training. */
    interface Trained extends AutoCloseable {
        Model model();

        Device device();

        float positiveWeight();

        double seconds();

        /** The epochs of the network (an ensemble: of its first member; the others are in {@link #ensemble}). */
        List<io.sysrisk.experiment.EpochStats> history();

        /** The restored epoch of that network. */
        int bestEpoch();

        default int epochsRun() {
            return history().size();
        }

        /** The decision threshold chosen on validation (NaN when the caller chooses the alarm). */
        double threshold();

        /** The ensemble's members and calibration, or null for a single network. */
        default io.sysrisk.store.ModelManifest.EnsembleInfo ensemble() {
            return null;
        }

        default Predictor<WindowBatch, List<WindowScore>> newPredictor() {
            return model().newPredictor(WindowTranslator.of(model().getBlock()));
        }

        @Override
        default void close() {
            model().close();
        }
    }

    /** One CNN-BiLSTM(-attention) network, early-stopped ({@link ModelTrainer}). */
    static WindowTrainer network(ModelConfig config) {
        return (train, validation, calibration, cfg, log) ->
                ModelTrainer.train(Architecture.network(config), train, validation, cfg, log);
    }

    /** The calibrated seed ensemble of {@code member} networks ({@link EnsembleTrainer}). */
    static WindowTrainer ensemble(ModelConfig member, List<Integer> seeds) {
        return (train, validation, calibration, cfg, log) ->
                EnsembleTrainer.train(member, seeds, train, validation, calibration, cfg, log);
    }
}
