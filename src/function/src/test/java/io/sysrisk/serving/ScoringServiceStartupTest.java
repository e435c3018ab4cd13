package io.sysrisk.serving;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStoreException;

/** Startup fails fast, with the store's message, on a missing or corrupt model; it never serves half a model. */
class ScoringServiceStartupTest {

    static ServingConfig config(String store, String version) {
        return config(store, version, ModelManifest.DEFAULT_PREFERENCE);
    }

    static ServingConfig config(String store, String version, double preference) {
        return new ServingConfig() {
            @Override
            public AlarmSettings alarm() {
                return () -> preference;
            }

            @Override
            public ModelSettings model() {
                return new ModelSettings() {
                    @Override
                    public String store() {
                        return store;
                    }

                    @Override
                    public String version() {
                        return version;
                    }

                    @Override
                    public boolean fallbackToPackaged() {
                        return false;
                    }
                };
            }

            @Override
            public Limits serving() {
                return new Limits() {
                    @Override
                    public boolean warmUp() {
                        return true;
                    }

                    @Override
                    public int maxBodyBytes() {
                        return 2097152;
                    }

                    @Override
                    public int maxDays() {
                        return 5000;
                    }

                    @Override
                    public int maxScoredDates() {
                        return 1000;
                    }
                };
            }
        };
    }

    /** The version the retired single-market job wrote (a panel model), kept as a test fixture of the old shape. */
    static final String OLD_JOB_STORE = "src/fixtures/model-store";

    @Test
    void aPreferenceTheModelDoesNotOfferStopsStartup() {
        ScoringService s = new ScoringService(config("model-store", "sp500-ohlcv", 0.9));
        IllegalStateException e = assertThrows(IllegalStateException.class, s::start);
        assertTrue(e.getMessage().contains("sysrisk.alarm.preference") && e.getMessage().contains("offered"),
                e.getMessage());
    }

    @Test
    void anUnknownVersionStopsStartup() {
        ScoringService s = new ScoringService(config("model-store", "no-such-version"));
        String m = assertThrows(ModelStoreException.class, s::start).getMessage();
        assertTrue(m.contains("'no-such-version'"), m);
        assertFalse(s.ready());
    }

    /** Every file the manifest names is checked, the one the function reads and DJL's, which it does not. */
    @ParameterizedTest
    @CsvSource({"sysrisk-0000.params", "sysrisk.srp"})
    void aCorruptModelStopsStartup(String file, @TempDir Path store) throws IOException {
        Path src = Path.of("model-store", "sp500-ohlcv");
        Path dst = Files.createDirectories(store.resolve("sp500-ohlcv"));
        try (var files = Files.list(src)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dst.resolve(f.getFileName()));
            }
        }
        Path params = dst.resolve(file);
        byte[] b = Files.readAllBytes(params);
        b[100] ^= 1;
        Files.write(params, b);
        ScoringService s = new ScoringService(config(store.toString(), "sp500-ohlcv"));
        String m = assertThrows(ModelStoreException.class, s::start).getMessage();
        assertTrue(m.contains("corrupt"), m);
        assertFalse(s.ready());
    }

    @ParameterizedTest
    @CsvSource({"model-store, any-index", "model-store, sp500-ohlcv",
            "src/fixtures/model-store, spi-sectors"}) // OLD_JOB_STORE
    void aGoodModelStartsReady(String root, String version) {
        // The last was written by the retired single-market job: a user's store may still hold such versions.
        ScoringService s = new ScoringService(config(root, version));
        s.start();
        try {
            assertTrue(s.ready());
            assertTrue(s.manifest().version().equals(version));
        } finally {
            s.stop();
        }
    }
}
