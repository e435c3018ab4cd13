package io.sysrisk.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslateException;
import io.sysrisk.data.InputKind;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.model.DjlModels;
import io.sysrisk.model.StoredModel;
import io.sysrisk.model.SystemicRiskNet;
import io.sysrisk.model.WindowTranslator;
import io.sysrisk.windows.NormalizationStats;

class ModelStoreTest {

    private static final ModelConfig CFG = new ModelConfig(8, 3, 2, 8, 8, 0.2f, true);
    private static final int W = 20;
    private static final int F = 3;

    static ModelManifest manifest(String version) {
        return manifest(version, CFG);
    }

    /**
     * Records an edited manifest's new checksum, as a forger would: the store's deeper checks (consistency,
     * architecture, format) must then still refuse it. StoreIntegrityTest shows an edit without this is refused.
     */
    static void resum(Path manifestFile) throws IOException {
        Path sums = manifestFile.resolveSibling(ModelStore.CHECKSUMS);
        String sha = ModelStore.sha256(manifestFile);
        Files.writeString(sums, Files.readString(sums).replaceFirst("[0-9a-f]{64}  " + ModelStore.MANIFEST,
                sha + "  " + ModelStore.MANIFEST));
    }

    static ModelManifest manifest(String version, ModelConfig cfg) {
        List<String> features = List.of("ret_1d", "vol_20d", "vol_120d");
        ModelManifest.InputSpec input = new ModelManifest.InputSpec(InputKind.PANEL, List.of("idx"), "idx", features,
                W, 120, W + 120);
        NormalizationStats norm = new NormalizationStats(features, new double[] {0, 0, 0}, new double[] {1, 1, 1}, 8);
        return new ModelManifest(ModelManifest.FORMAT_VERSION, version, "2026-01-01T00:00:00Z",
                ModelManifest.architectureOf(cfg), cfg, input, norm, new LabelDefinition.FutureDrawdown(20, 0.07), "test",
                null, Map.of(), 0.5, null, null, List.of(), Map.of(), null, null, null, null, null, null);
    }

    private static Model newModel() {
        Engine.getEngine("PyTorch").setRandomSeed(3);
        Model model = Model.newInstance(ModelStore.PARAMS_NAME, Device.cpu(), "PyTorch");
        SystemicRiskNet net = new SystemicRiskNet(CFG);
        model.setBlock(net);
        net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, W, F));
        return model;
    }

    private static WindowBatch batch() {
        float[] x = new float[4 * W * F];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(i * 0.37);
        }
        return new WindowBatch(4, W, F, x);
    }

    private static float[] predict(Model model) throws TranslateException {
        try (Predictor<WindowBatch, List<WindowScore>> p = model.newPredictor(new WindowTranslator())) {
            List<WindowScore> s = p.predict(batch());
            float[] out = new float[s.size() * 11];
            for (int i = 0; i < s.size(); i++) {
                out[i * 11] = (float) s.get(i).logit();
                System.arraycopy(s.get(i).attention(), 0, out, i * 11 + 1, 10);
            }
            return out;
        }
    }

    /**
     * The manifest records the architecture the model was trained with ({@code --no-attention}: cnn-bilstm), both
     * loaders build what it records, and they agree; a label that contradicts the model settings is refused.
     */
    @Test
    void theNoAttentionAblationIsRecordedAndLoadedAsItself(@TempDir Path root) throws Exception {
        ModelConfig noAttention = new ModelConfig(8, 3, 2, 8, 8, 0.2f, false);
        ModelStore store = new ModelStore(root);
        try (Model model = Model.newInstance(ModelStore.PARAMS_NAME, Device.cpu(), "PyTorch")) {
            SystemicRiskNet net = new SystemicRiskNet(noAttention);
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, W, F));
            DjlModels.save(store, manifest("plain", noAttention), model);
        }
        assertEquals("cnn-bilstm", store.manifest("plain").architecture());
        WindowBatch b = batch();
        try (StoredModel djl = DjlModels.load(store, "plain", Device.cpu());
             Predictor<WindowBatch, List<WindowScore>> p = djl.newPredictor()) {
            List<WindowScore> expected = p.predict(b);
            List<WindowScore> actual = store.javaModel("plain").score(b);
            for (int i = 0; i < b.count(); i++) {
                assertEquals(expected.get(i).probability(), actual.get(i).probability(), 1e-5);
                assertEquals(1.0 / expected.get(i).attention().length, actual.get(i).attention()[0], 1e-6);
            }
        }
        Path json = root.resolve("plain").resolve(ModelStore.MANIFEST);
        Files.writeString(json, Files.readString(json).replace("\"cnn-bilstm\"", "\"cnn-bilstm-attention\""));
        resum(json);
        String m = assertThrows(ModelStoreException.class, () -> store.manifest("plain")).getMessage();
        assertTrue(m.contains("'cnn-bilstm-attention'") && m.contains("describe 'cnn-bilstm'"), m);
    }

    @Test
    void saveThenLoadGivesIdenticalPredictions(@TempDir Path root) throws TranslateException {
        ModelStore store = new ModelStore(root);
        float[] before;
        try (Model model = newModel()) {
            before = predict(model);
            DjlModels.save(store, manifest("v1"), model);
        }
        assertEquals(List.of("v1"), store.versions());
        try (StoredModel loaded = DjlModels.load(store, "v1", Device.cpu())) {
            assertArrayEquals(before, predict(loaded.model()), 0f);
            assertEquals(64, loaded.manifest().parameters().sha256().length());
            assertEquals(W + 120, loaded.manifest().input().requiredDays());
        }
    }

    /** Retraining a version must not destroy its committed report (the main job never destroys committed work). */
    @Test
    void retrainingAVersionKeepsItsReport(@TempDir Path root) throws IOException {
        ModelStore store = new ModelStore(root);
        try (Model model = newModel()) {
            DjlModels.save(store, manifest("v1"), model);
        }
        Path report = Files.createDirectories(root.resolve("v1").resolve(ModelStore.REPORT));
        Files.writeString(report.resolve("README.md"), "# the committed report\n");
        Files.write(Files.createDirectories(report.resolve("charts")).resolve("a.png"), new byte[] {1, 2, 3});
        String oldSha = store.manifest("v1").parameters().sha256();
        try (Model model = newModel()) {
            model.getBlock().getParameters().valueAt(0).getArray().addi(1f); // a different model
            DjlModels.save(store, manifest("v1"), model);
        }
        assertTrue(!oldSha.equals(store.manifest("v1").parameters().sha256()), "the model was replaced");
        assertEquals("# the committed report\n", Files.readString(root.resolve("v1/report/README.md")));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(root.resolve("v1/report/charts/a.png")));
    }

    /** A killed writer's hidden temporary folder is cleaned up by the next write; a live writer's is not touched. */
    @Test
    void staleTemporaryFoldersOfDeadWritersAreRemoved(@TempDir Path root) throws IOException {
        // Under v1's write lock, v1's temporary folders are a killed writer's; v2's writer may be alive elsewhere.
        Path dead = Files.createDirectories(root.resolve(".v1.tmp-000000003"));
        Files.writeString(dead.resolve("half-written.params"), "x");
        Path other = Files.createDirectories(root.resolve(".v2.tmp-000000001"));
        try (Model model = newModel()) {
            DjlModels.save(new ModelStore(root), manifest("v1"), model);
        }
        assertTrue(!Files.exists(dead), "the dead writer's folder is gone");
        assertTrue(Files.isDirectory(other), "another version's folder stays");
        assertEquals(List.of("v1"), new ModelStore(root).versions());
    }

    /** DJL would pick the highest-numbered parameter file in the folder; the store loads the one it checksummed. */
    @Test
    void theFileTheManifestNamesIsLoadedNotADecoy(@TempDir Path root) throws TranslateException, IOException {
        ModelStore store = new ModelStore(root);
        float[] before;
        try (Model model = newModel()) {
            before = predict(model);
            DjlModels.save(store, manifest("v1"), model);
        }
        try (Model other = newModel()) {
            other.getBlock().getParameters().valueAt(0).getArray().addi(3f);
            Path decoyDir = Files.createDirectories(root.resolve("decoy"));
            other.setProperty("Epoch", "7");
            other.save(decoyDir, ModelStore.PARAMS_NAME);
            Files.copy(decoyDir.resolve(ModelStore.PARAMS_NAME + "-0007.params"),
                    root.resolve("v1").resolve(ModelStore.PARAMS_NAME + "-0007.params"));
        }
        try (StoredModel loaded = DjlModels.load(store, "v1", Device.cpu())) {
            assertArrayEquals(before, predict(loaded.model()), 0f);
        }
    }

    @Test
    void anInconsistentManifestIsRefusedWithItsReasons(@TempDir Path root) throws IOException {
        ModelStore store = new ModelStore(root);
        try (Model model = newModel()) {
            DjlModels.save(store, manifest("v1"), model);
        }
        Path file = root.resolve("v1").resolve(ModelStore.MANIFEST);
        String json = Files.readString(file);
        Files.writeString(file, json.replaceFirst("\"requiredDays\" : \\d+", "\"requiredDays\" : 3")
                .replaceFirst("\n  \"threshold\" : [0-9.]+", "\n  \"threshold\" : 7.0")); // the top-level one
        resum(file);
        String m = assertThrows(ModelStoreException.class, () -> store.manifest("v1")).getMessage();
        assertTrue(m.contains("inconsistent manifest") && m.contains("required days") && m.contains("threshold 7.0"), m);
    }

    @Test
    void aCorruptedParameterFileIsRejected(@TempDir Path root) throws IOException {
        ModelStore store = new ModelStore(root);
        try (Model model = newModel()) {
            DjlModels.save(store, manifest("v1"), model);
        }
        Path params = root.resolve("v1").resolve(store.manifest("v1").parameters().file());
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(params, bytes);
        String m = assertThrows(ModelStoreException.class, () -> DjlModels.load(store, "v1", Device.cpu())).getMessage();
        assertTrue(m.contains("corrupt") && m.contains("SHA-256"), m);
    }

    @Test
    void missingOrUnknownVersionsFailClearly(@TempDir Path root) throws IOException {
        ModelStore store = new ModelStore(root);
        String m = assertThrows(ModelStoreException.class, () -> DjlModels.load(store, "nope", Device.cpu())).getMessage();
        assertTrue(m.contains("'nope' not found") && m.contains("no versions"), m);
        assertThrows(ModelStoreException.class, () -> DjlModels.load(store, "../etc", Device.cpu()));

        try (Model model = newModel()) {
            DjlModels.save(store, manifest("v1"), model);
        }
        Path json = root.resolve("v1").resolve(ModelStore.MANIFEST);
        String text = Files.readString(json);
        Files.writeString(json, text.replace("\"formatVersion\" : 1", "\"formatVersion\" : 99"));
        resum(json);
        m = assertThrows(ModelStoreException.class, () -> DjlModels.load(store, "v1", Device.cpu())).getMessage();
        assertTrue(m.contains("format 99"), m);

        Files.writeString(json, "{ not json");
        resum(json);
        m = assertThrows(ModelStoreException.class, () -> DjlModels.load(store, "v1", Device.cpu())).getMessage();
        assertTrue(m.contains("not a valid manifest"), m);

        Files.delete(json);
        m = assertThrows(ModelStoreException.class, () -> DjlModels.load(store, "v1", Device.cpu())).getMessage();
        assertTrue(m.contains("incomplete"), m);
    }

    @Test
    void parametersThatDoNotFitTheRecordedArchitectureAreRejected(@TempDir Path root) throws IOException {
        ModelStore store = new ModelStore(root);
        try (Model model = newModel()) {
            DjlModels.save(store, manifest("v1"), model);
        }
        Path json = root.resolve("v1").resolve(ModelStore.MANIFEST);
        Files.writeString(json, Files.readString(json).replace("\"lstmUnits\" : 8", "\"lstmUnits\" : 16"));
        resum(json);
        String m = assertThrows(ModelStoreException.class, () -> DjlModels.load(store, "v1", Device.cpu())).getMessage();
        assertTrue(m.contains("do not fit"), m);
    }

    @Test
    void aFailedWriteLeavesThePreviousVersionIntact(@TempDir Path root) throws IOException {
        ModelStore store = new ModelStore(root);
        try (Model model = newModel()) {
            DjlModels.save(store, manifest("v1"), model);
        }
        String before = Files.readString(root.resolve("v1").resolve(ModelStore.MANIFEST));
        try (Model model = newModel()) {
            model.close(); // a model whose native memory is gone cannot be written
            assertThrows(RuntimeException.class, () -> DjlModels.save(store, manifest("v1"), model));
        }
        assertEquals(before, Files.readString(root.resolve("v1").resolve(ModelStore.MANIFEST)));
        try (var files = Files.list(root)) {
            assertEquals(List.of("v1"), files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock"))
                    .toList(), "no temporary folder left");
        }
        try (Model model = newModel()) {
            DjlModels.save(store, manifest("v1"), model); // replacing works and keeps one folder
        }
        assertEquals(List.of("v1"), store.versions());
        assertFalse(Files.exists(root.resolve("v1.tmp")));
    }
}
