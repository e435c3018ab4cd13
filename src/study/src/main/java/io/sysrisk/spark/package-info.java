/**
 * The study's units on Apache Spark (issue 39): {@link io.sysrisk.spark.SparkStudyEngine} runs each
 * {@link io.sysrisk.comparison.StudyUnit} as a Spark task in an executor JVM of its own, and
 * {@link io.sysrisk.spark.LoopbackCluster} starts a standalone cluster on this machine, bound to 127.0.0.1, from the
 * Spark jars on the class path (no Spark install). Spark lives in this module only: the function never carries it.
 */
package io.sysrisk.spark;
