package io.sysrisk.research.evidence;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A study's JSON ({@code lomo.json}, {@code walk-forward.json}) written and read as {@link Evidence.Result}, and the
 * term structure's ({@code term-structure.json}) as {@link TermStructureEvidence.Result}: the one
 * contract between the study that writes a report and the function that serves it. Reading is strict: another schema
 * version, or a field the records do not know, is refused with one line, so that a report never reads as something
 * it is not.
 */
public final class EvidenceJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EvidenceJson() {
    }

    /** A record of the contract as the JSON tree the report holds for it. */
    public static JsonNode tree(Object record) {
        return JSON.valueToTree(record);
    }

    /** {@code r} as the report's JSON, on one line. */
    public static byte[] write(Evidence.Result r) throws IOException {
        return JSON.writeValueAsBytes(r);
    }

    /** {@code r} as the term structure's report JSON, on one line. */
    public static byte[] write(TermStructureEvidence.Result r) throws IOException {
        return JSON.writeValueAsBytes(r);
    }

    /**
     * The study {@code source} (a name for messages) holds.
     *
     * @throws EvidenceException when it is not of schema {@link Evidence#SCHEMA} or does not fit the records
     */
    public static Evidence.Result read(InputStream in, String source) throws IOException {
        return read(in, source, Evidence.Result.class);
    }

    /** The term structure's study {@code source} holds ({@code term-structure.json}), read as {@link #read} reads. */
    public static TermStructureEvidence.Result readTermStructure(InputStream in, String source) throws IOException {
        return read(in, source, TermStructureEvidence.Result.class);
    }

    /**
     * A study's JSON of this schema or the one before it (schema {@link Evidence#SCHEMA} - 1 lacks the proper
     * scores: each fold's training rate is 0 and its probabilities null), for a re-analysis that derives what it
     * lacks from the windows it kept and writes it at this schema.
     */
    public static Evidence.Result readForUpgrade(InputStream in, String source) throws IOException {
        JsonNode tree = JSON.readTree(in);
        JsonNode schema = tree == null ? null : tree.get("schema");
        if (schema != null && schema.canConvertToInt() && schema.asInt() == Evidence.SCHEMA - 1) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put("schema", Evidence.SCHEMA);
        }
        return read(tree, source, Evidence.Result.class);
    }

    private static <T> T read(InputStream in, String source, Class<T> type) throws IOException {
        return read(JSON.readTree(in), source, type);
    }

    private static <T> T read(JsonNode tree, String source, Class<T> type) {
        JsonNode schema = tree == null ? null : tree.get("schema");
        if (schema == null || !schema.canConvertToInt()) {
            throw new EvidenceException(source + " has no evidence schema version: it was written before schema "
                    + Evidence.SCHEMA + " and this build cannot read it; run its report again");
        }
        if (schema.asInt() != Evidence.SCHEMA) {
            throw new EvidenceException(source + " is evidence schema " + schema.asInt() + "; this build reads "
                    + "schema " + Evidence.SCHEMA + ": serve it with the build that wrote it, or run its report again");
        }
        try {
            return JSON.treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new EvidenceException(source + " does not fit evidence schema " + Evidence.SCHEMA + ": "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    /** A report this build cannot read. */
    public static final class EvidenceException extends RuntimeException {
        EvidenceException(String message) {
            super(message);
        }

        EvidenceException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
