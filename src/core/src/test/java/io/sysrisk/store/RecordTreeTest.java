package io.sysrisk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The cold-start manifest reader builds what Jackson's data binding builds, on every committed model and on the
 * versions of the retired single-market job (a user's store may still hold them).
 */
class RecordTreeTest {

    private static final Path STORE = StoreWriter.COMMITTED;

    @Test
    void everyCommittedManifestReadsAsDataBindingReadsIt() throws IOException {
        int read = 0;
        List<Path> folders = new java.util.ArrayList<>();
        for (Path root : List.of(STORE, StoreWriter.OLD_JOB)) {
            for (String v : new ModelStore(root).versions()) {
                folders.add(root.resolve(v));
            }
        }
        for (Path folder : folders) {
            String version = folder.toString();
            byte[] bytes = Files.readAllBytes(folder.resolve("model.json"));
            ModelManifest bound = ModelStore.json().readValue(bytes, ModelManifest.class);
            ModelManifest tree = ModelStore.readManifest(bytes);
            // Records holding arrays are not equal by value: compare what each writes.
            assertEquals(ModelStore.json().valueToTree(bound), ModelStore.json().valueToTree(tree), version);
            read++;
        }
        assertTrue(read >= 4, read + " manifests: the committed ones and the old job's");
    }

    @Test
    void absentFieldsAreNullOrZeroAndUnknownOnesAreIgnored() throws IOException {
        byte[] bytes = Files.readAllBytes(STORE.resolve("any-index").resolve("model.json"));
        ObjectNode n = (ObjectNode) ModelStore.json().readTree(bytes);
        n.remove("alarm");
        n.put("somethingNew", 1);
        ((ObjectNode) n.get("training").get("config")).remove("selection");
        ModelManifest bound = ModelStore.json().treeToValue(n, ModelManifest.class);
        ModelManifest tree = RecordTree.read(n, ModelManifest.class);
        assertNull(tree.alarm());
        assertEquals(bound.training().config(), tree.training().config(), "the @JsonCreator's default applies");
        assertEquals("pr-auc", tree.training().config().selection());
        JsonNode label = n.get("label");
        ((ObjectNode) label).put("type", "no-such-label");
        assertThrows(IllegalArgumentException.class, () -> RecordTree.read(n, ModelManifest.class));
    }

    @Test
    void aManifestThatBreaksARecordsRuleIsRefusedWithItsMessage() throws IOException {
        byte[] bytes = Files.readAllBytes(STORE.resolve("any-index").resolve("model.json"));
        ObjectNode n = (ObjectNode) ModelStore.json().readTree(bytes);
        ((ObjectNode) n.get("model")).put("convKernel", 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordTree.read(n, ModelManifest.class));
        assertTrue(e.getMessage().contains("kernel 4"), e.getMessage());
    }
}
