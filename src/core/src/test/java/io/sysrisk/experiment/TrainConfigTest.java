package io.sysrisk.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** One default for new training (loss), and the one legacy reading: an old manifest without selection used PR-AUC. */
class TrainConfigTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void newTrainingSelectsByLossAndNeedsASelection() {
        assertEquals(TrainConfig.SELECT_LOSS, TrainConfig.defaults().selection());
        TrainConfig d = TrainConfig.defaults();
        assertThrows(IllegalArgumentException.class, () -> new TrainConfig(d.maxEpochs(), d.batchSize(),
                d.learningRate(), d.patience(), d.seed(), 0f, "auto", 0f, 0f, null));
    }

    @Test
    void aManifestWithoutSelectionReadsAsPrAucAndOneWithItKeepsIt() throws Exception {
        String old = "{\"maxEpochs\":60,\"batchSize\":64,\"learningRate\":0.001,\"patience\":8,\"seed\":42,"
                + "\"positiveWeight\":0.0,\"device\":\"auto\",\"weightDecay\":0.0,\"inputNoise\":0.0}";
        assertEquals(TrainConfig.SELECT_PR_AUC, json.readValue(old, TrainConfig.class).selection());
        TrainConfig d = TrainConfig.defaults();
        assertEquals(d, json.readValue(json.writeValueAsString(d), TrainConfig.class));
    }
}
