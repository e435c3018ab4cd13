package io.sysrisk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project version, filled in by the Maven build (src/core/src/main/resources-filtered/sysrisk-version.properties). */
public final class SysriskVersion {
    private SysriskVersion() {
    }

    public static String get() {
        try (InputStream in = SysriskVersion.class.getResourceAsStream("/sysrisk-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
