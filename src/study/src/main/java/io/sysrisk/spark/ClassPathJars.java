package io.sysrisk.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * This job's class path ({@link io.sysrisk.model.ChildJvm#classPath}) as jar files, as executors read it: its jars as they are, and each of its folders (a
 * module's {@code target/classes} in a build) packed into a jar of its own, once per JVM, in a temporary folder.
 */
final class ClassPathJars {

    private static List<Path> jars;

    private ClassPathJars() {
    }

    /** Every entry of the class path as a jar, in the class path's order. */
    static synchronized List<Path> all() {
        if (jars == null) {
            List<Path> out = new ArrayList<>();
            Path packed = null;
            int k = 0;
            // The project's class path also where exec:java runs the job inside Maven's JVM (ChildJvm knows how).
            for (String entry : io.sysrisk.model.ChildJvm.classPath().split(java.io.File.pathSeparator)) {
                if (entry.isEmpty()) {
                    continue;
                }
                Path p = Path.of(entry).toAbsolutePath();
                if (Files.isDirectory(p)) {
                    try {
                        if (packed == null) {
                            packed = Files.createTempDirectory("sysrisk-classes");
                            packed.toFile().deleteOnExit();
                        }
                        Path jar = packed.resolve(String.format("%02d-%s.jar", k++, p.getParent() == null
                                ? "classes" : p.getParent().getFileName() + "-" + p.getFileName()));
                        pack(p, jar);
                        jar.toFile().deleteOnExit();
                        out.add(jar);
                    } catch (IOException e) {
                        throw new UncheckedIOException("could not pack " + p + " as a jar for the executors", e);
                    }
                } else if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) {
                    out.add(p);
                }
            }
            jars = List.copyOf(out);
        }
        return jars;
    }

    /** The jars a driver ships to a remote cluster's executors (they fetch them from the driver), as URIs. */
    static List<String> shipped() {
        return all().stream().map(p -> p.toUri().toString()).toList();
    }

    private static void pack(Path folder, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(f)) {
                    out.putNextEntry(new JarEntry(folder.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
        }
    }
}
