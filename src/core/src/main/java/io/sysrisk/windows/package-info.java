/**
 * Chronological splits with an embargo, normalization statistics fitted on training days, and normalized windows.
 *
 * <p>Uses {@code features} and {@code labels} (its masked and unknown label values).
 */
package io.sysrisk.windows;
