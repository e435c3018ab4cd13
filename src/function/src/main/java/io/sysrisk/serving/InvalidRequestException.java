package io.sysrisk.serving;

/**
 * A request that cannot be scored as sent; the message says why and goes back to the caller (HTTP 400). Messages are
 * cut to {@link #MAX_MESSAGE} characters: they quote the caller's values, which may be arbitrarily long.
 */
public class InvalidRequestException extends RuntimeException {

    public static final int MAX_MESSAGE = 500;

    public InvalidRequestException(String message) {
        super(bounded(message));
    }

    public static String bounded(String message) {
        if (message == null || message.length() <= MAX_MESSAGE) {
            return message;
        }
        String tail = "... (" + message.length() + " characters)";
        return message.substring(0, MAX_MESSAGE - tail.length()) + tail;
    }
}
