package io.sysrisk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checksums over every file, a version loadable at every moment of a replace, one writer per version. */
class StoreIntegrityTest {

    @Test
    void everyCommittedVersionIsCoveredByItsChecksums() throws Exception {
        ModelStore store = new ModelStore(StoreWriter.COMMITTED);
        for (String v : store.versions()) {
            List<String> lines = Files.readAllLines(StoreWriter.COMMITTED.resolve(v).resolve(ModelStore.CHECKSUMS));
            ModelManifest m = store.manifest(v);
            List<String> files = new java.util.ArrayList<>(List.of(ModelStore.MANIFEST, m.parameters().file()));
            if (m.input().systemicState() != null) {
                files.add(m.input().systemicState().file());
                if (m.input().systemicState().markets() != null) {
                    files.add(m.input().systemicState().markets().file());
                }
            }
            files.add(m.portableParameters().file());
            assertEquals(files, lines.stream().map(l -> l.substring(l.indexOf("  ") + 2)).toList(), v);
            store.javaModel(v);
        }
    }

    /** A systemic version's state is checked as its parameters are: one changed value and it is refused. */
    @Test
    void aChangedSystemicStateIsRefused(@TempDir Path root) throws Exception {
        Path to = copyOfCommittedSystemic(root);
        ModelStore store = new ModelStore(root);
        assertEquals(java.time.LocalDate.of(1990, 1, 9), store.loaded("systemic").systemicState().dates().get(0));
        Path state = to.resolve(store.manifest("systemic").input().systemicState().file());
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(state));
        lines.set(100, lines.get(100).replaceFirst(",([0-9])", ",9$1"));
        Files.write(state, lines);
        String m = assertThrows(ModelStoreException.class, () -> store.loaded("systemic")).getMessage();
        assertTrue(m.contains("corrupt") && m.contains("systemic-state.csv"), m);
    }

    /**
     * The markets a systemic version carries load as the manifest lists them, each close as the panel has it; one
     * changed close and the version is refused, as for its parameters.
     */
    @Test
    void theCarriedMarketsLoadAsListedAndAChangedCloseIsRefused(@TempDir Path root) throws Exception {
        Path to = copyOfCommittedSystemic(root);
        ModelStore store = new ModelStore(root);
        ModelManifest.CarriedMarkets listed = store.manifest("systemic").input().systemicState().markets();
        List<io.sysrisk.data.Market> carried = store.loaded("systemic").carriedMarkets();
        assertEquals(List.of("spx", "dji", "ndx", "ftse", "sx5e", "cac", "dax", "smi"),
                carried.stream().map(io.sysrisk.data.Market::name).toList());
        for (int i = 0; i < carried.size(); i++) {
            io.sysrisk.data.Market c = carried.get(i);
            ModelManifest.CarriedMarket l = listed.markets().get(i);
            assertEquals(l.days(), c.data().size(), c.name());
            assertEquals(l.firstDate(), c.first().toString(), c.name());
            assertEquals(l.lastDate(), c.last().toString(), c.name());
            assertEquals(l.about(), c.about(), c.name());
        }
        // Written exactly: the file reads back as it was written.
        assertEquals(new String(Files.readAllBytes(to.resolve(listed.file()))),
                new String(io.sysrisk.data.MarketsCsv.write(carried)));
        Path file = to.resolve(listed.file());
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(100, lines.get(100).replaceFirst(",([0-9])", ",9$1"));
        Files.write(file, lines);
        String m = assertThrows(ModelStoreException.class, () -> store.loaded("systemic")).getMessage();
        assertTrue(m.contains("corrupt") && m.contains(listed.file()), m);
    }

    /** The committed systemic version's files (not its report) in {@code root}: its folder there. */
    private static Path copyOfCommittedSystemic(Path root) throws java.io.IOException {
        Path from = StoreWriter.COMMITTED.resolve("systemic");
        Path to = Files.createDirectories(root.resolve("systemic"));
        try (java.util.stream.Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    @Test
    void aChangedManifestOrAMissingChecksumFileIsRefused(@TempDir Path root) throws Exception {
        ModelStore store = new ModelStore(root);
        StoreWriter.save(store, "v");
        Path manifest = root.resolve("v").resolve(ModelStore.MANIFEST);
        // A threshold edited by hand: still a consistent manifest, but not the one that was written.
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"threshold\" : [0-9.]+", "\"threshold\" : 0.01"));
        String m = assertThrows(ModelStoreException.class, () -> store.manifest("v")).getMessage();
        assertTrue(m.contains("corrupt") && m.contains(ModelStore.MANIFEST), m);

        StoreWriter.save(store, "w");
        Files.delete(root.resolve("w").resolve(ModelStore.CHECKSUMS));
        m = assertThrows(ModelStoreException.class, () -> store.manifest("w")).getMessage();
        assertTrue(m.contains(ModelStore.CHECKSUMS), m);
    }

    @Test
    void aManifestTheStoreCannotReadBackNeverReplacesAVersion(@TempDir Path root) throws Exception {
        ModelStore store = new ModelStore(root);
        StoreWriter.save(store, "v");
        byte[] before = Files.readAllBytes(root.resolve("v").resolve(ModelStore.MANIFEST));
        // A "never alarm" threshold written as such once replaced a good version with one the store then refused.
        com.fasterxml.jackson.databind.node.ObjectNode bad =
                (com.fasterxml.jackson.databind.node.ObjectNode) ModelStore.json().valueToTree(StoreWriter.manifest("v"));
        bad.put("threshold", Double.POSITIVE_INFINITY);
        ModelManifest never = ModelStore.json().treeToValue(bad, ModelManifest.class);
        try (ModelStore.WriteLock lock = store.lock("v")) {
            String m = assertThrows(ModelStoreException.class, () -> StoreWriter.save(store, never, lock)).getMessage();
            assertTrue(m.contains("threshold Infinity is not a probability"), m);
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(root.resolve("v").resolve(ModelStore.MANIFEST))));
        store.manifest("v");
        try (java.util.stream.Stream<Path> left = Files.list(root)) {
            assertEquals(List.of("v"), left.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".lock")
                    && !n.endsWith(".lock")).sorted().toList());
        }
    }

    @Test
    void aSecondWriterOfTheSameVersionIsRefused(@TempDir Path root) throws Exception {
        ModelStore store = new ModelStore(root);
        try (ModelStore.WriteLock lock = store.lock("v")) {
            String m = assertThrows(ModelStoreException.class, () -> new ModelStore(root).lock("v")).getMessage();
            assertTrue(m.contains("being written"), m);
            StoreWriter.save(store, "v", lock); // the holder itself may write, with its lock in hand
            // Another thread of this JVM neither takes the lock nor writes without it.
            java.util.concurrent.atomic.AtomicReference<Throwable> otherThread = new java.util.concurrent.atomic.AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    StoreWriter.save(store, "v");
                } catch (Throwable e) {
                    otherThread.set(e);
                }
            });
            t.start();
            t.join();
            assertTrue(otherThread.get() instanceof ModelStoreException && otherThread.get().getMessage().contains("being written"),
                    String.valueOf(otherThread.get()));
            try (ModelStore.WriteLock other = store.lock("w")) {
                assertTrue(other != null); // another version is independent
            }
        }
        try (ModelStore.WriteLock again = store.lock("v")) {
            assertTrue(again != null); // released
        }
    }

    /**
     * A writer killed between moving the old version aside and renaming the new one in: the old version is still
     * served (from where it was moved), and the next write puts things in order.
     */
    @Test
    void aWriterKilledMidSwapLeavesTheOldVersionLoadable(@TempDir Path root) throws Exception {
        ModelStore store = new ModelStore(root);
        StoreWriter.save(store, "v");
        String before = store.manifest("v").createdAt();

        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp,
                StoreWriter.class.getName(), root.toString(), "v").redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("SWAPPING")) {
                // the child's log before the swap
            }
            assertEquals("SWAPPING", line, "the child never reached the swap");
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertFalse(Files.exists(root.resolve("v")), "the kill came after the old version was moved aside");
        assertEquals(before, store.manifest("v").createdAt());
        store.javaModel("v"); // verified and loadable

        StoreWriter.save(store, "v");
        assertTrue(Files.isRegularFile(root.resolve("v").resolve(ModelStore.MANIFEST)));
        try (var files = Files.list(root)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock")).toList();
            assertEquals(List.of("v"), names, "nothing left over: " + names);
        }
        assertEquals(List.of("v"), store.versions());
    }
}
