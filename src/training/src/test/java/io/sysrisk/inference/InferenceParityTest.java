package io.sysrisk.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.model.DjlModels;
import io.sysrisk.model.DjlScoring;
import io.sysrisk.model.StoredModel;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;
import io.sysrisk.store.ModelStoreException;

/**
 * The pure-Java forward pass gives DJL's probabilities and attention weights, within 1e-5, on every committed model
 * and on the retired single-market job's fixture (src/fixtures/model-store).
 */
class InferenceParityTest {

    private static final ModelStore STORE = new ModelStore(Path.of("model-store"));

    private static final ModelStore OLD_JOB = new ModelStore(Path.of("src", "fixtures", "model-store"));

    static Stream<org.junit.jupiter.params.provider.Arguments> committed() {
        return Stream.of(STORE, OLD_JOB).flatMap(s -> s.versions().stream()
                .map(v -> org.junit.jupiter.params.provider.Arguments.of(s, v)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("committed")
    void javaMatchesDjlOnRandomWindows(ModelStore store, String version) {
        JavaModel java = store.javaModel(version);
        try (StoredModel djl = DjlModels.load(store, version, Device.cpu());
             Predictor<WindowBatch, List<WindowScore>> p = djl.newPredictor()) {
            ModelManifest m = djl.manifest();
            int w = m.input().window();
            int f = m.input().channels().size();
            int n = 64;
            float[] x = new float[n * w * f];
            Random r = new Random(version.hashCode());
            for (int i = 0; i < x.length; i++) {
                // Normalized inputs: mostly within a few standard deviations, some at the clip.
                x[i] = (float) Math.max(-8, Math.min(8, 1.5 * r.nextGaussian()));
            }
            WindowBatch batch = new WindowBatch(n, w, f, x);
            List<WindowScore> expected = DjlScoring.predict(p, batch);
            List<WindowScore> actual = java.score(batch);
            for (int i = 0; i < n; i++) {
                assertEquals(expected.get(i).probability(), actual.get(i).probability(), 1e-5, version + " window " + i);
                double[] et = expected.get(i).termStructure();
                double[] at = actual.get(i).termStructure();
                assertEquals(et == null, at == null, version + ": both or neither answer a term structure");
                for (int k = 0; et != null && k < et.length; k++) {
                    assertEquals(et[k], at[k], 1e-5, version + " window " + i + " horizon " + k);
                }
                float[] ea = expected.get(i).attention();
                float[] aa = actual.get(i).attention();
                assertEquals(ea.length, aa.length);
                for (int s = 0; s < ea.length; s++) {
                    assertEquals(ea[s], aa[s], 1e-5, version + " window " + i + " step " + s);
                }
            }
        }
    }

    @Test
    void everyCommittedModelHasItsPortableFile() {
        assertTrue(STORE.versions().containsAll(List.of("any-index", "sp500-ohlcv", "any-index-horizons")));
        assertEquals(List.of("spi-sectors"), OLD_JOB.versions());
        for (ModelStore s : List.of(STORE, OLD_JOB)) {
            for (String v : s.versions()) {
                assertTrue(s.manifest(v).portableParameters() != null, v);
            }
        }
    }

    @Test
    void aCorruptedPortableFileIsRejected(@TempDir Path root) throws IOException {
        Path src = Path.of("model-store", "any-index");
        Path dst = Files.createDirectories(root.resolve("any-index"));
        try (Stream<Path> files = Files.list(src)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, dst.resolve(file.getFileName()));
            }
        }
        Path portable = dst.resolve(PortableParameters.FILE);
        byte[] bytes = Files.readAllBytes(portable);
        bytes[bytes.length / 2] ^= 0x33;
        Files.write(portable, bytes);
        String msg = assertThrows(ModelStoreException.class, () -> new ModelStore(root).javaModel("any-index"))
                .getMessage();
        assertTrue(msg.contains("corrupt"), msg);
    }
}
