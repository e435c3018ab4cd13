package io.sysrisk.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** One wording for JSON the service cannot read, for the REST and the Lambda front alike. */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static String describe(JsonProcessingException e) {
        if (e instanceof CappedArrays.TooManyValues) {
            return "request too long at " + path((MismatchedInputException) e) + ": " + e.getOriginalMessage();
        }
        String where = e instanceof MismatchedInputException mi && !mi.getPath().isEmpty() ? " at " + path(mi) : "";
        return "malformed request JSON" + where + ": " + e.getOriginalMessage();
    }

    /** The field path of a type error, e.g. {@code series.close[5]}. */
    private static String path(MismatchedInputException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return "'" + sb + "'";
    }
}
