/**
 * Market data: reading and validating daily CSVs and request data into {@link io.sysrisk.data.MarketData}, the
 * embedded datasets and their known-error repairs, the close-only markets, price levels and log returns.
 *
 * <p>Uses nothing else of sysrisk: every other package builds on it.
 */
package io.sysrisk.data;
