/**
 * The embedded real market data: {@link io.sysrisk.research.data.EmbeddedDataset} (the datasets module's CSVs, each
 * parsed and hashed from one read), their known source errors repaired ({@link io.sysrisk.research.data.SourceRepairs})
 * and the close-only markets the default model trains and is judged on ({@link io.sysrisk.research.data.Markets}).
 * Not in the Lambda function: serving reads a request's data, never these files.
 *
 * <p>Uses {@code io.sysrisk.data}.
 */
package io.sysrisk.research.data;
