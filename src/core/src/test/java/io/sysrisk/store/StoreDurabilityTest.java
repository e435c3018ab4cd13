package io.sysrisk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write stopped at any of its steps leaves a complete, verified version (the old one or the new one, never a mix
 * or none), and the next write leaves nothing behind; leftovers of other versions are theirs; no link is followed.
 */
class StoreDurabilityTest {

    private static final List<String> STEPS = List.of("written", "synced", "aside", "swapped", "done");

    @AfterEach
    void noFault() {
        ModelStore.STEP = null;
    }

    private static void save(ModelStore store, String version, String createdAt) throws Exception {
        try (ModelStore.WriteLock lock = store.lock(version)) {
            StoreWriter.save(store, StoreWriter.manifest(version, createdAt), lock);
        }
    }

    @Test
    void aWriteStoppedAtEveryStepLeavesACompleteVersion(@TempDir Path root) throws Exception {
        ModelStore store = new ModelStore(root);
        save(store, "v", "old");
        for (String stop : STEPS) {
            ModelStore.STEP = step -> {
                if (step.equals(stop)) {
                    throw new IllegalStateException("power lost at " + step);
                }
            };
            assertThrows(IllegalStateException.class, () -> save(store, "v", "new-" + stop), stop);
            ModelStore.STEP = null;
            String loaded = store.manifest("v").createdAt();
            // Before the new copy is in place the old one is served, after it the new one.
            boolean newIn = stop.equals("swapped") || stop.equals("done");
            assertEquals(newIn ? "new-" + stop : "old", loaded, "stopped at " + stop);
            store.javaModel("v"); // every file there and verified
            save(store, "v", "old"); // the next write puts everything in order
            try (var files = Files.list(root)) {
                List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock"))
                        .sorted().toList();
                assertEquals(List.of("v"), names, "after a stop at " + stop + ": " + names);
            }
        }
    }

    @Test
    void onlyTheLockedVersionsLeftoversAreCleaned(@TempDir Path root) throws Exception {
        ModelStore store = new ModelStore(root);
        // Another version's temporary folder: its writer may be alive in another container sharing the store.
        Path other = Files.createDirectories(root.resolve(".w.tmp-000000001"));
        Path mine = Files.createDirectories(root.resolve(".v.tmp-000000007"));
        save(store, "v", "first");
        assertTrue(Files.isDirectory(other), "another version's writer is left alone");
        assertTrue(!Files.exists(mine), "this version's killed writer's leftover is gone");
    }

    @Test
    void noLinkIsFollowed(@TempDir Path root) throws Exception {
        ModelStore store = new ModelStore(root);
        save(store, "v", "first");
        Path secret = Files.writeString(root.resolve("secret.txt"), "credentials");
        Path report = Files.createDirectories(root.resolve("v").resolve(ModelStore.REPORT));
        Files.writeString(report.resolve("README.md"), "# report");
        Files.createSymbolicLink(report.resolve("leak.txt"), secret);
        String m = assertThrows(ModelStoreException.class, () -> save(store, "v", "second")).getMessage();
        assertTrue(m.contains("symbolic link") && m.contains("leak.txt"), m);
        assertEquals("first", store.manifest("v").createdAt(), "nothing was replaced");

        Path lockTarget = Files.writeString(root.resolve("elsewhere"), "");
        Files.createSymbolicLink(root.resolve(".x.lock"), lockTarget);
        m = assertThrows(ModelStoreException.class, () -> store.lock("x")).getMessage();
        assertTrue(m.contains("never followed"), m);
    }

    /** Moved-aside copies are numbered with fixed-width generations: the newest is found by its name. */
    @Test
    void theNewestMovedAsideCopyIsServedWhileTheVersionIsMissing(@TempDir Path root) throws Exception {
        ModelStore store = new ModelStore(root);
        save(store, "v", "first");
        Files.move(root.resolve("v"), root.resolve(".v.old-000000009"));
        save(store, "w", "other");
        Files.move(root.resolve("w"), root.resolve("v-tmp"));
        Path newer = root.resolve(".v.old-000000010");
        Files.move(root.resolve("v-tmp"), newer);
        Files.writeString(newer.resolve(ModelStore.MANIFEST), Files.readString(newer.resolve(ModelStore.MANIFEST))
                .replace("\"version\" : \"w\"", "\"version\" : \"v\""));
        // The newer copy was edited by hand, so its checksum fails: served is what the name ordering picks.
        assertThrows(ModelStoreException.class, () -> store.manifest("v"));
        ModelStore.deleteTree(newer);
        assertEquals("first", store.manifest("v").createdAt());
    }
}
