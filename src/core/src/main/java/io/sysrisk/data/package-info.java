/**
 * Market data: reading and validating daily CSVs and request data into {@link io.sysrisk.data.MarketData}, the
 * close-only market record, price levels and log returns. The embedded datasets, their known-error repairs and the
 * close-only markets built from them ({@code EmbeddedDataset}, {@code SourceRepairs}, {@code Markets}) are in
 * {@code io.sysrisk.research.data} (the research module): the Lambda function never reads them.
 *
 * <p>Uses nothing else of sysrisk: every other package builds on it.
 */
package io.sysrisk.data;
