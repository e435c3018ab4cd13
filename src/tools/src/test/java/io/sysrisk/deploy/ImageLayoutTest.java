package io.sysrisk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;

/**
 * The container image's layout (infra/image/Dockerfile): libtorch flat in /opt/libtorch, DJL's JNI bridge
 * pre-extracted in a DJL cache, the pytorch-native-cpu jar gone from the class path. A JVM started that way must
 * load libtorch from the layout and write nothing into the cache: no 432 MB unpacking at a cold start.
 */
class ImageLayoutTest {

    @Test
    void startsFromThePreUnpackedLibtorchWithoutUnpackingAnything(@TempDir Path opt) throws Exception {
        Engine.getEngine("PyTorch"); // this JVM's own engine: its unpacked copy is the source of the layout
        Path unpacked = Path.of(LibUtils.getLibtorchPath());
        Path libtorch = Files.createDirectories(opt.resolve("libtorch"));
        Path jniDir = Files.createDirectories(opt.resolve("djl-cache/pytorch/2.7.1-cpu-linux-x86_64"));
        try (Stream<Path> files = Files.list(unpacked)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith("-libdjl_torch.so")) {
                    Files.copy(f, jniDir.resolve(name)); // what prepare.sh takes from the pytorch-jni jar
                } else {
                    Files.createSymbolicLink(libtorch.resolve(name), f); // what prepare.sh unzips from the native jar
                }
            }
        }
        Map<String, Long> before = snapshot(opt.resolve("djl-cache"));

        String classPath = Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(e -> !e.contains("pytorch-native-cpu"))
                .collect(Collectors.joining(File.pathSeparator));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, LibtorchProbe.class.getName()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PYTORCH_LIBRARY_PATH", libtorch.toString());
        env.put("PYTORCH_VERSION", "2.7.1");
        env.put("PYTORCH_FLAVOR", "cpu");
        env.put("DJL_CACHE_DIR", opt.resolve("djl-cache").toString());
        env.put("OPT_OUT_TRACKING", "true");
        env.put("HOME", opt.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("libtorch=" + libtorch) && out.contains("sum=6.0"), out);
        assertEquals(before, snapshot(opt.resolve("djl-cache")), "the DJL cache was written to: " + out);
    }

    private static Map<String, Long> snapshot(Path dir) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(f).toString(), Files.size(f));
            }
        }
        return files;
    }
}
