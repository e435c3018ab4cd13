package io.sysrisk.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import io.sysrisk.experiment.EpochStats;
import io.sysrisk.store.ModelStore;

/** Keeps the best epoch's parameters in a temporary folder and restores them at the end; the folder goes on close. */
final class BestCheckpoint implements EpochListener, AutoCloseable {

    private final Model model;
    private final Path dir;

    BestCheckpoint(Model model) throws IOException {
        this.model = model;
        this.dir = Files.createTempDirectory("sysrisk-best-");
    }

    @Override
    public void onEpoch(EpochStats stats, boolean best) {
        if (best) {
            save();
        }
    }

    void save() {
        try {
            model.setProperty("Epoch", "0");
            model.save(dir, ModelTrainer.MODEL_NAME);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void restore() throws IOException, MalformedModelException {
        model.load(dir, ModelTrainer.MODEL_NAME);
    }

    @Override
    public void close() {
        try {
            ModelStore.deleteTree(dir);
        } catch (UncheckedIOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
