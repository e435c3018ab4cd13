package io.sysrisk.serving;

/** No predictor became free in time (HTTP 503); the caller may retry. */
public class ServiceBusyException extends RuntimeException {
    public ServiceBusyException(String message) {
        super(message);
    }
}
