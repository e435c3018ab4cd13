package io.sysrisk.serving;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The function scores in Java: DJL and libtorch are not even on its test class path (the module does not depend on
 * them), so every serving test here runs as the Lambda package does. ImageLayoutTest checks the package's jars.
 */
class NoDjlTest {

    @Test
    void djlIsNotOnTheFunctionsClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("ai.djl.engine.Engine"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("ai.djl.pytorch.engine.PtEngine"));
    }
}
