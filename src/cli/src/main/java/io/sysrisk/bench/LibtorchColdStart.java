package io.sysrisk.bench;

import java.nio.file.Path;
import java.util.List;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.model.DjlModels;
import io.sysrisk.model.DjlScoring;
import io.sysrisk.model.EngineDefaults;
import io.sysrisk.model.StoredModel;
import io.sysrisk.store.ModelStore;

/**
 * The cold-start benchmark's libtorch baseline, run in a fresh JVM: start DJL's PyTorch engine, load a stored version,
 * score one window, print {@link #SCORED}. Arguments: the store folder and the version.
 */
public final class LibtorchColdStart {

    static final String SCORED = "SCORED";

    private LibtorchColdStart() {
    }

    public static void main(String[] args) {
        EngineDefaults.apply();
        try (StoredModel m = DjlModels.load(new ModelStore(Path.of(args[0])), args[1], Device.cpu());
             Predictor<WindowBatch, List<WindowScore>> p = m.newPredictor()) {
            int w = m.manifest().input().window();
            int f = m.manifest().input().channels().size();
            double probability = DjlScoring.predict(p, new WindowBatch(1, w, f, new float[w * f])).get(0).probability();
            System.out.println(SCORED + " " + probability);
            System.out.flush();
        }
    }
}
