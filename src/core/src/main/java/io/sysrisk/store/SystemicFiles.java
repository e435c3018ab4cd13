package io.sysrisk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a systemic version carries beside its parameters, read with them by {@link ModelStore#loaded}: its state and
 * the markets a request may name, each held to {@link ModelStore#CHECKSUMS} and the manifest like a parameter file.
 */
final class SystemicFiles {

    private SystemicFiles() {
    }

    /**
     * The systemic state a systemic version carries ({@link ModelManifest.SystemicStateFile}); null for a version
     * that reads no systemic input.
     */
    static io.sysrisk.features.SystemicState state(String version, Path folder, ModelManifest manifest,
                                                    Map<String, String> sums) throws IOException {
        ModelManifest.SystemicStateFile f = manifest.input().systemicState();
        if (f == null) {
            return null; // ManifestConsistency refuses a systemic model without one
        }
        byte[] bytes = Files.readAllBytes(folder.resolve(f.file()));
        ModelStore.checkFile(version, sums, new ModelManifest.ParameterFile(f.file(), f.sha256(), f.bytes()), bytes);
        try {
            return io.sysrisk.features.SystemicState.fromCsv(bytes, io.sysrisk.data.Session.valueOf(f.stamp()),
                    f.file());
        } catch (RuntimeException e) {
            throw new ModelStoreException("model version '" + version + "': " + f.file() + " is not a systemic "
                    + "state: " + e.getMessage(), e);
        }
    }

    /**
     * The markets' closes a systemic version carries ({@link ModelManifest.CarriedMarkets}), each market as the
     * manifest lists it; empty for a version that carries none.
     */
    static List<io.sysrisk.data.Market> markets(String version, Path folder, ModelManifest manifest,
                                               Map<String, String> sums) throws IOException {
        ModelManifest.SystemicStateFile s = manifest.input().systemicState();
        ModelManifest.CarriedMarkets f = s == null ? null : s.markets();
        if (f == null) {
            return List.of();
        }
        byte[] bytes = Files.readAllBytes(folder.resolve(f.file()));
        ModelStore.checkFile(version, sums, new ModelManifest.ParameterFile(f.file(), f.sha256(), f.bytes()), bytes);
        Map<String, String> about = new java.util.HashMap<>();
        f.markets().forEach(c -> about.put(c.name(), c.about()));
        List<io.sysrisk.data.Market> markets;
        try {
            markets = io.sysrisk.data.MarketsCsv.read(bytes, f.file(), name -> about.getOrDefault(name, name));
        } catch (RuntimeException e) {
            throw new ModelStoreException("model version '" + version + "': " + f.file() + " is not a file of "
                    + "markets: " + e.getMessage(), e);
        }
        List<String> names = markets.stream().map(io.sysrisk.data.Market::name).toList();
        if (!names.equals(f.names())) {
            throw new ModelStoreException("model version '" + version + "': " + f.file() + " holds the markets "
                    + names + ", the manifest lists " + f.names());
        }
        return markets;
    }
}
