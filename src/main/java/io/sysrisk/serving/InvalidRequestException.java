package io.sysrisk.serving;

/** A request that cannot be scored as sent; the message says why and goes back to the caller (HTTP 400). */
public class InvalidRequestException extends RuntimeException {
    public InvalidRequestException(String message) {
        super(message);
    }
}
