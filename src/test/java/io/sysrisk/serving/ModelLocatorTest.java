package io.sysrisk.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.sysrisk.store.ModelStore;
import io.sysrisk.store.ModelStoreException;

class ModelLocatorTest {

    @Test
    void usesTheConfiguredFolderWhenItHoldsTheVersion() {
        assertEquals(Path.of("model-store"), ModelLocator.storeRoot("model-store", "sp500"));
    }

    /** As on Lambda: no model-store folder beside the process, the copy packaged in the jar is used. */
    @Test
    void fallsBackToThePackagedCopy() {
        Path root = ModelLocator.storeRoot("/nonexistent/store", "sp500");
        assertTrue(root.toString().contains("sysrisk-model-store-"), root.toString());
        ModelStore store = new ModelStore(root);
        assertEquals("sp500", store.manifest("sp500").version());
        try (var m = store.load("sp500", ai.djl.Device.cpu())) {
            assertEquals(60, m.manifest().input().window());
        }
    }

    @Test
    void anUnknownVersionFailsFastAndSaysWhere() {
        String m = assertThrows(ModelStoreException.class, () -> ModelLocator.storeRoot("model-store", "v9"))
                .getMessage();
        assertTrue(m.contains("'v9'") && m.contains("sysrisk.model.version"), m);
    }
}
