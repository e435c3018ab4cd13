package io.sysrisk.serving;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A Lambda event as its raw JSON text. Funqy reads the event with the application's lenient mapper before the
 * function runs, and anything that mapper refuses (a key given twice, nesting deeper than Jackson's limit) would be a
 * function error the function never sees. So the event is taken as text, unparsed, and the function reads it with
 * {@link StrictJson}: every event it cannot read becomes a 400 payload.
 */
@JsonDeserialize(using = RawEvent.Reader.class)
public record RawEvent(String json) {

    /** Hands over the rest of the parser's input as text, from the root token on, without parsing it. */
    static final class Reader extends JsonDeserializer<RawEvent> {
        @Override
        public RawEvent deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken first = p.currentToken();
            String head = switch (first) {
                case START_OBJECT -> "{";
                case START_ARRAY -> "[";
                case VALUE_STRING -> "\"" + p.getText().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                default -> p.getText();
            };
            Object source = p.getInputSource();
            if (source instanceof InputStream in) {
                ByteArrayOutputStream rest = new ByteArrayOutputStream();
                p.releaseBuffered(rest);
                in.transferTo(rest);
                return new RawEvent(head + rest.toString(StandardCharsets.UTF_8));
            }
            if (source instanceof java.io.Reader in) {
                StringWriter rest = new StringWriter();
                p.releaseBuffered(rest);
                in.transferTo(rest);
                return new RawEvent(head + rest);
            }
            // Another source (a tree, a byte array): read it as a tree; key order and duplicates are Jackson's then.
            return new RawEvent(first == JsonToken.START_OBJECT || first == JsonToken.START_ARRAY
                    ? p.readValueAsTree().toString() : head);
        }

        @Override
        public RawEvent getNullValue(DeserializationContext ctxt) {
            return new RawEvent("null");
        }
    }
}
