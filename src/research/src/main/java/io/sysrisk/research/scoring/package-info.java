/**
 * The fuzz tests' mutations of score requests ({@link io.sysrisk.research.scoring.RequestMutations}), shared by the
 * function's fuzz test and the fuzz benchmark.
 *
 * <p>Uses nothing else of sysrisk.
 */
package io.sysrisk.research.scoring;
