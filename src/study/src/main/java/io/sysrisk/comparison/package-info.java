/**
 * Model comparisons: leave-one-market-out with nested selection, single-market comparisons, circular block bootstrap
 * with paired differences, event baselines.
 *
 * <p>Uses the core, {@code model} and {@code training}.
 */
package io.sysrisk.comparison;
