/**
 * The command line (picocli): train, choose, report, score, the benchmarks, the engine check and its guard.
 *
 * <p>Uses every other package: it is the top.
 */
package io.sysrisk.cli;
