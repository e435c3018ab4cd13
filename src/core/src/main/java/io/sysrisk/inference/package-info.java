/**
 * The pure-Java forward pass ({@link io.sysrisk.inference.JavaModel}), the portable parameter format, and {@link
 * io.sysrisk.inference.WindowScorer}, the one inference interface of the CLI, the reports and the function.
 *
 * <p>Uses nothing else of sysrisk (its javadoc names the DJL blocks it mirrors).
 */
package io.sysrisk.inference;
