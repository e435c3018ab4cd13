/**
 * Benchmarks: model speed, Lambda cold start with a Runtime API stand-in, warm serving, fuzzing, request cost, memory
 * amplification; each prints its baseline measured in the same run.
 *
 * <p>Uses the core, {@code model} and {@code training}; starts the packaged function as a process.
 */
package io.sysrisk.bench;
