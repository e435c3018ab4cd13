package io.sysrisk.data;

/** Input data that cannot be used; the message names the source, and the row and column where there is one. */
public class DataValidationException extends RuntimeException {
    public DataValidationException(String message) {
        super(message);
    }

    public DataValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}
