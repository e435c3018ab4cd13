package io.sysrisk.store;

/** A model version that is missing, unreadable, corrupt or of a format this build does not know. */
public class ModelStoreException extends RuntimeException {
    public ModelStoreException(String message) {
        super(message);
    }

    public ModelStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
