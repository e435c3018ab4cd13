package io.sysrisk.serving;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.quarkus.test.junit.QuarkusTest;
import io.sysrisk.features.Feature;

/**
 * The Quarkus application starts in the same JVM as the plain JUnit tests and uses DJL there too; without the
 * parent-first class-loading setting libtorch would be "already loaded in another classloader".
 */
@QuarkusTest
class QuarkusBootTest {
    @Test
    void djlWorksInsideQuarkus() {
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
            assertEquals(6f, m.create(new float[] {1, 2, 3}).sum().getFloat());
        }
    }

    /** In a @QuarkusTest RestAssured's default port is the mock Lambda event server: this is a Lambda invocation. */
    @Test
    void lambdaInvocationListsTheFeatures() {
        given().contentType("application/json").body("null").when().post()
                .then().statusCode(200)
                .body("$", hasSize(Feature.values().length))
                .body("[0].id", equalTo("ret_1d"))
                .body("[0].lookbackDays", equalTo(1));
    }
}
