package io.sysrisk.serving;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The study runs its units on Apache Spark; the function never carries it. Its class path (every compile, runtime
 * and test dependency of this module) holds no Spark, no Scala and no sysrisk study class: a dependency that pulled
 * them in would fail here before it grew the Lambda package ({@code ImageLayoutTest} checks the package's jars).
 */
class NoSparkTest {

    @Test
    void theFunctionsClassPathHoldsNoSpark() {
        for (String name : new String[] {"org.apache.spark.SparkContext", "scala.Predef",
                "io.sysrisk.spark.SparkStudyEngine", "io.sysrisk.comparison.LeaveOneMarketOut"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(name, false,
                    NoSparkTest.class.getClassLoader()), name);
        }
    }
}
