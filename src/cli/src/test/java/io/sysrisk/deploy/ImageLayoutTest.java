package io.sysrisk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * The container image's build steps (infra/image) without a container engine: prepare.sh turns the built
 * function.zip into the jars-only layout, and the image's AOT training run, {@code AotTrainingRun}, starts the
 * function from that class path through its Lambda handler and scores the sample event. No DJL, no libtorch.
 */
class ImageLayoutTest {

    private static final Path ZIP = Path.of("src/function/target/function.zip");
    private static final Path BUILD = Path.of("infra/image/build");

    @Test
    void preparesTheJarsOnlyLayoutAndTheTrainingRunScores() throws Exception {
        assertTrue(Files.isRegularFile(ZIP), ZIP + " is missing: the function module packages it before the tools' "
                + "tests run in ./mvnw verify");
        Process prepare = new ProcessBuilder("bash", "infra/image/prepare.sh", ZIP.toString()).inheritIO().start();
        assertTrue(prepare.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, prepare.exitValue());

        Path app = BUILD.resolve("app");
        try (ZipFile jar = new ZipFile(app.resolve("app.jar").toFile())) {
            assertTrue(jar.getEntry("model-store/any-index/sysrisk.srp") != null, "the models travel in app.jar");
            assertTrue(jar.getEntry("io/sysrisk/serving/AotTrainingRun.class") != null);
        }
        List<String> libs;
        try (var files = Files.list(app.resolve("lib"))) {
            libs = files.map(p -> p.getFileName().toString()).toList();
        }
        assertTrue(libs.stream().anyMatch(n -> n.contains("sysrisk-core")), libs.toString());
        assertFalse(libs.stream().anyMatch(n -> n.contains("djl") || n.contains("pytorch")), libs.toString());
        // The study's Spark (and its Scala) stays in the study: the function's package carries none of it.
        assertFalse(libs.stream().anyMatch(n -> n.contains("spark") || n.contains("scala")), libs.toString());

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = app.resolve("app.jar") + File.pathSeparator + app.resolve("lib") + File.separator + "*";
        Process run = new ProcessBuilder(java, "-XX:+UseSerialGC", "-cp", cp, "io.sysrisk.serving.AotTrainingRun",
                BUILD.resolve("sample-request.json").toString(), "2").redirectErrorStream(true).start();
        String out = new String(run.getInputStream().readAllBytes());
        assertTrue(run.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, run.exitValue(), out);
        assertTrue(out.contains("2 invocations scored"), out);
    }
}
