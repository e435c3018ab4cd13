package io.sysrisk.serving;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The function's settings (application.properties, or SYSRISK_* environment variables on Lambda). */
@ConfigMapping(prefix = "sysrisk")
public interface ServingConfig {

    ModelSettings model();

    Limits serving();

    AlarmSettings alarm();

    interface AlarmSettings {
        /**
         * The preference mu of the alarm a request gets when it names none: the weight on a missed fall, 1 - mu on a
         * false alarm. It must be one the model offers (GET /model's {@code alarms}), else the function does not
         * start. Default 0.5: misses and false alarms weigh the same, favouring neither error when a risk team has
         * not said which costs it more (the study's headline tables are read at it too).
         */
        @WithDefault("0.5")
        double preference();
    }

    interface ModelSettings {
        /**
         * "packaged" (default): the models built into the application (from the project's model-store/ at build
         * time); or a model store folder, which must hold the version.
         */
        @WithDefault("packaged")
        String store();

        /** With a store folder that lacks the version: serve the packaged copy (with a warning) instead of failing. */
        @WithDefault("false")
        boolean fallbackToPackaged();

        /** Model version to serve. */
        @WithDefault(io.sysrisk.store.ModelStore.DEFAULT_VERSION)
        String version();
    }

    interface Limits {
        /** Score one request during startup, so that the first client does not pay the JIT's first-call costs. */
        @WithDefault("true")
        boolean warmUp();

        /**
         * Largest request in bytes, on REST (quarkus.http.limits.max-body-size in application.properties says the
         * same) and in a Lambda event (a Function URL event's body, a direct invocation's payload): 413 beyond it,
         * before parsing.
         */
        @WithDefault("2097152")
        int maxBodyBytes();

        /** Most daily rows a request may send. */
        @WithDefault("5000")
        int maxDays();

        /** Most dates one request may ask to score (a range in one call). */
        @WithDefault("1000")
        int maxScoredDates();
    }
}
