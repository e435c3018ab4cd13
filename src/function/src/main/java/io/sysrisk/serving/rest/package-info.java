/**
 * REST for local work, health, and the risk page's data ({@code /monitor/*}); compiled only in the default build, not
 * in the Lambda package.
 *
 * <p>Uses {@code serving} and the core, including the embedded markets and labels for the page.
 */
package io.sysrisk.serving.rest;
