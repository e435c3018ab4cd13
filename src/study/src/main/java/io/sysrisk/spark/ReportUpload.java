package io.sysrisk.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * A report folder copied to a Hadoop file system ({@code s3://} on EMR, where the driver's disk ends with the job;
 * {@code file://} anywhere): every file, under the same relative names. The copy of each file replaces what is there.
 */
public final class ReportUpload {

    private ReportUpload() {
    }

    /** Copies {@code folder}'s files under {@code uri}; returns how many. */
    public static int copy(Path folder, String uri) {
        URI target = URI.create(uri.endsWith("/") ? uri : uri + "/");
        if (target.getScheme() == null) {
            throw new IllegalArgumentException("--upload needs a URI with its scheme (s3://bucket/prefix, "
                    + "file:///path), got '" + uri + "'");
        }
        int n = 0;
        try (FileSystem fs = FileSystem.newInstance(target, new Configuration());
             Stream<Path> files = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String relative = folder.relativize(f).toString().replace('\\', '/');
                fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(f.toUri()),
                        new org.apache.hadoop.fs.Path(target.resolve(relative)));
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + folder + " to " + uri, e);
        }
        return n;
    }
}
