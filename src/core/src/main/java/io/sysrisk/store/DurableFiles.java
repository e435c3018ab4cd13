package io.sysrisk.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The file operations the store's atomic replace is made of: fsync of files and folders, and renames. */
final class DurableFiles {

    private DurableFiles() {
    }

    /** fsync of a file or a folder (a folder's entries: the renames in it). */
    static void sync(Path path) throws IOException {
        boolean dir = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        try (FileChannel c = FileChannel.open(path, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException e) {
            if (!dir) {
                throw e; // some file systems cannot sync a folder; a file must sync
            }
        }
    }

    /** Every file under {@code dir}, then the folders, deepest first. */
    static void syncTree(Path dir) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(dir)) {
            all = s.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            sync(p);
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
