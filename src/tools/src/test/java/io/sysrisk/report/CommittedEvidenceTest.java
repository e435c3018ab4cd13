package io.sysrisk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.sysrisk.store.ModelStore;

/**
 * What the README says of the committed evidence, held to the committed report: the served alarm's per-day skill
 * above every uninformative alarm's, the calm stratum at chance and said so in words, the positive control found
 * and its shuffled copy not.
 */
class CommittedEvidenceTest {

    private static final Path REPORT = Path.of("model-store", "any-index", "report");

    @Test
    void noUninformativeAlarmReachesTheServedAlarmsSkill() throws IOException {
        JsonNode v = ModelStore.json().readTree(REPORT.resolve("lomo.json").toFile()).get("headlineVerdict");
        double skill = v.get("skill").asDouble();
        for (String nullAlarm : new String[] {"alwaysOn", "evenlySpaced", "calendar", "shift95"}) {
            assertTrue(skill > v.get(nullAlarm).asDouble(), nullAlarm + ": " + v);
        }
        assertTrue(v.get("skillInterval").get("low").asDouble() > 0, v.toString());
    }

    @Test
    void itSaysItDoesNotWarnOfFallsOutOfCalm() throws IOException {
        JsonNode lomo = ModelStore.json().readTree(REPORT.resolve("lomo.json").toFile());
        JsonNode model = lomo.get("pooledCalm").get("ranking").get(0);
        assertTrue(model.get("rocAucInterval").get("low").asDouble() <= 0.5, "not above chance: " + model);
        String words = lomo.get("calmInWords").asText();
        assertTrue(words.startsWith("It does not warn of falls that start in calm markets"), words);
        assertTrue(Files.readString(Path.of("README.md")).contains("it does not warn of falls that start in calm "
                + "markets"), "the README says it");
        assertTrue(Files.readString(REPORT.resolve("README.md")).contains(words), "the report says it");
    }

    @Test
    void thePositiveControlFoundThePlantedInputAndNotItsShuffledCopy() throws IOException {
        JsonNode c = ModelStore.json().readTree(REPORT.resolve("positive-control.json").toFile());
        JsonNode planted = c.get("planted");
        JsonNode shuffled = c.get("shuffled");
        assertTrue(planted.get("prVsVolatility").get("interval").get("low").asDouble() > 0, planted.toString());
        planted.get("foldChoices").forEach(x -> assertEquals(planted.get("recipe").asText(), x.asText()));
        assertEquals(planted.get("recipe").asText(), planted.get("servedChoice").asText());
        planted.get("bestEpochs").forEach(f -> f.forEach(e -> assertTrue(e.asInt() > 0, "left the reference")));
        assertFalse(shuffled.get("prVsVolatility").get("interval").get("low").asDouble() > 0, shuffled.toString());
        shuffled.get("foldChoices").forEach(x -> assertFalse(shuffled.get("recipe").asText().equals(x.asText())));
        assertFalse(shuffled.get("recipe").asText().equals(shuffled.get("servedChoice").asText()));
    }
}
