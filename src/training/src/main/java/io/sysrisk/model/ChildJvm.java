package io.sysrisk.model;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM that runs {@code main} with this JVM's class path and options: how a DJL job or the build's engine
 * check runs again with oneDNN capped (oneDNN reads its cap from the environment once, when libtorch loads, and a
 * JVM cannot change its own environment).
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** The command that runs {@code main} with {@code args} in a child JVM with this one's class path and options. */
    public static List<String> command(Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (keep(option)) {
                command.add(option);
            }
        }
        // Charts are drawn off screen: a child told headless=false would look for an X display and fail without one.
        command.add("-Djava.awt.headless=" + System.getProperty("java.awt.headless", "true"));
        command.add("-cp");
        command.add(classPath());
        command.add(main.getName());
        command.addAll(args);
        return command;
    }

    /** JVM options worth passing on (heap, GC, -D); not Maven's launcher settings, agents or debuggers. */
    public static boolean keep(String option) {
        return !(option.startsWith("-javaagent") || option.startsWith("-agentlib") || option.startsWith("-agentpath")
                || option.startsWith("-Xrunjdwp") || option.startsWith("-Xdebug")
                || option.startsWith("-Dclassworlds.") || option.startsWith("-Dmaven.")
                || option.startsWith("-Dlibrary.jansi."));
    }

    /**
     * This JVM's class path: the loader's URLs when it runs inside Maven ({@code exec:java} loads the project
     * through its own class loader), else the JVM's.
     */
    public static String classPath() {
        if (ChildJvm.class.getClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IllegalStateException("cannot pass class path entry " + url + " to a child JVM", e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }
}
