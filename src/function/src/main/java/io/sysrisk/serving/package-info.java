/**
 * The scoring function: Funqy on AWS Lambda, the one scoring service, strict request reading, model location,
 * settings.
 *
 * <p>Uses the core (no DJL: {@code NoDjlTest}); nothing of {@code serving.rest}.
 */
package io.sysrisk.serving;
