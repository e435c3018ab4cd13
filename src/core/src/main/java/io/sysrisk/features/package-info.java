/**
 * Causal daily features (day t reads days up to t only), one implementation for training and serving.
 *
 * <p>Uses {@code data} only.
 */
package io.sysrisk.features;
