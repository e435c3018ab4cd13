package io.sysrisk.data;

/** The two shapes of market input sysrisk understands; a model records which one it was trained on. */
public enum InputKind {
    /** One instrument (an index) with daily open, high, low, close and volume. */
    OHLCV,
    /** Daily closes of several members of one market, optionally with the market's index as one column. */
    PANEL
}
