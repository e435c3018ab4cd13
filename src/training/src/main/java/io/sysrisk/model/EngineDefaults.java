package io.sysrisk.model;

/**
 * Settings every sysrisk process gives DJL before the engine starts. DJL's {@code Engine} otherwise calls the EC2
 * instance metadata address (169.254.169.254) once a day to count usage: off, unless the user set it themselves.
 */
public final class EngineDefaults {

    public static final String OPT_OUT_TRACKING = "OPT_OUT_TRACKING";

    private EngineDefaults() {
    }

    public static void apply() {
        if (System.getenv(OPT_OUT_TRACKING) == null && System.getProperty(OPT_OUT_TRACKING) == null) {
            System.setProperty(OPT_OUT_TRACKING, "true");
        }
    }
}
