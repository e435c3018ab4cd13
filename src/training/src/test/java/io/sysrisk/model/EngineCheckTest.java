package io.sysrisk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EngineCheckTest {

    /**
     * In this test JVM, with the oneDNN cap the build's engine check chose: fails on a CPU whose oneDNN
     * miscomputes when the cap is not applied, as every other DJL test would.
     */
    @Test
    void djlAgreesWithTheJavaForwardPassInThisJvm() {
        EngineCheck.Result r = EngineCheck.run();
        assertTrue(r.agrees(), r.toString());
        assertTrue(r.maxDifference() >= 0 && r.maxDifference() <= EngineCheck.TOLERANCE, r.toString());
    }

    /** The build hands the test JVMs the cap its engine check wrote (ALL where nothing is applied). */
    @Test
    void theTestJvmRunsWithTheCapTheBuildChose() throws java.io.IOException {
        java.util.Properties chosen = new java.util.Properties();
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("src/training/target/engine-check.properties"))) {
            chosen.load(in);
        }
        assertEquals(chosen.getProperty("sysrisk.onednn.isa"), System.getenv(EngineCheck.ISA_VARIABLE));
        assertEquals(chosen.getProperty("sysrisk.onednn.isa"), System.getenv("ONEDNN_MAX_CPU_ISA"));
    }

    @Test
    void anInjectedMismatchIsCaught() {
        EngineCheck.Result r = EngineCheck.run(0.01);
        assertFalse(r.agrees(), r.toString());
        assertEquals(0.01, r.maxDifference(), 1e-4, r.toString());
        assertTrue(r.where().endsWith("probability"), r.where());
        // Far below the tolerance is still a pass: the check is not stricter than the parity tests.
        assertTrue(EngineCheck.run(EngineCheck.TOLERANCE / 10).agrees());
    }

    @Test
    void theSimulatedFaultFollowsTheCap() {
        assertEquals(0, EngineCheck.simulatedError(null, null));
        assertEquals(0.01, EngineCheck.simulatedError("always", "SSE41"));
        assertEquals(0.01, EngineCheck.simulatedError("unless-capped", null));
        assertEquals(0.01, EngineCheck.simulatedError("unless-capped", "ALL"));
        assertEquals(0, EngineCheck.simulatedError("unless-capped", "SSE41"));
        assertThrows(IllegalArgumentException.class, () -> EngineCheck.simulatedError("sometimes", null));
    }
}
