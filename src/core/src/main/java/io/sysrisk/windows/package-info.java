/**
 * Chronological splits with an embargo, normalization statistics fitted on training days, and normalized windows.
 *
 * <p>Uses {@code features} and {@code labels} (a window set carries its labels).
 */
package io.sysrisk.windows;
