package io.sysrisk.windows;

/** The chronological parts of an experiment, in time order. */
public enum Part { TRAIN, VALIDATION, TEST }
