package io.sysrisk.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sysrisk.store.ModelStore;
import io.sysrisk.store.ModelStoreException;

class ModelLocatorTest {

    @Test
    void usesTheConfiguredFolderWhenItHoldsTheVersion() {
        assertEquals(Path.of("model-store"), ModelLocator.storeRoot("model-store", "sp500-ohlcv", false));
    }

    /** The default, as on Lambda: the copy packaged in the application, extracted whole and verified. */
    @Test
    void servesThePackagedCopy() {
        Path root = ModelLocator.storeRoot(ModelLocator.PACKAGED_STORE, "sp500-ohlcv", false);
        assertTrue(root.toString().contains("sysrisk-model-store-"), root.toString());
        ModelStore store = new ModelStore(root);
        assertEquals("sp500-ohlcv", store.manifest("sp500-ohlcv").version());
        assertEquals(new ModelStore(Path.of("model-store")).manifest("sp500-ohlcv").input(),
                store.manifest("sp500-ohlcv").input());
        store.javaModel("sp500-ohlcv"); // both parameter files are there and match their checksums
    }

    /** The retired single-market job's version is a test fixture, not packaged. */
    @Test
    void theOldJobsFixturesAreNotPackaged() {
        for (String old : List.of("spi-sectors")) {
            String m = assertThrows(ModelStoreException.class, () -> ModelLocator.storeRoot("packaged", old, false))
                    .getMessage();
            assertTrue(m.contains("not packaged"), m);
        }
    }

    /** A folder without the version is an error, not a silent switch to another model. */
    @Test
    void aFolderWithoutTheVersionFailsUnlessFallbackIsSet() {
        String m = assertThrows(ModelStoreException.class,
                () -> ModelLocator.storeRoot("/nonexistent/store", "sp500-ohlcv", false)).getMessage();
        assertTrue(m.contains("/nonexistent/store") && m.contains("packaged"), m);
        Path root = ModelLocator.storeRoot("/nonexistent/store", "sp500-ohlcv", true);
        assertTrue(root.toString().contains("sysrisk-model-store-"), root.toString());
    }

    @Test
    void anUnknownVersionFailsFastAndSaysWhere() {
        String m = assertThrows(ModelStoreException.class, () -> ModelLocator.storeRoot("model-store", "v9", false))
                .getMessage();
        assertTrue(m.contains("'v9'") && m.contains("sysrisk.model.version"), m);
        m = assertThrows(ModelStoreException.class, () -> ModelLocator.storeRoot("packaged", "v9", false)).getMessage();
        assertTrue(m.contains("'v9'") && m.contains("not packaged"), m);
    }
}
