/**
 * The reports' Markdown and charts.
 *
 * <p>Uses the core, {@code model} and {@code comparison}.
 */
package io.sysrisk.report;
