package io.sysrisk.serving;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How every request is read, on REST, in a Lambda event and in a Function URL body: text after the JSON value, a
 * key given twice, or a field the request does not have is a 400, not silently dropped (which of two "close" arrays
 * would win is not the caller's guess to make, and a misspelt "form" is not an absent "from"). Jackson's nesting
 * limit (1,000) applies. The fronts hand this class the raw text, so nothing reads the request before it.
 */
public final class StrictJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StrictJson() {
    }

    /** The request in {@code text}, or null for an empty body. */
    public static ScoreRequest request(String text) throws JsonProcessingException {
        return text == null || text.isBlank() ? null : MAPPER.readValue(text, ScoreRequest.class);
    }

    /** Any JSON value, strictly (a Lambda event). */
    static JsonNode tree(String text) throws JsonProcessingException {
        return MAPPER.readValue(text, JsonNode.class);
    }

    /** A request from an already strictly read tree (a direct invocation's event). */
    static ScoreRequest request(JsonNode node) throws JsonProcessingException {
        return node == null || node.isNull() ? null : MAPPER.treeToValue(node, ScoreRequest.class);
    }
}
