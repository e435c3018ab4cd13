package io.sysrisk.serving;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The function's settings (application.properties, or SYSRISK_* environment variables on Lambda). */
@ConfigMapping(prefix = "sysrisk")
public interface ServingConfig {

    ModelSettings model();

    Limits serving();

    interface ModelSettings {
        /** Model store folder; when it lacks the version, the copy packaged in the jar is used. */
        @WithDefault("model-store")
        String store();

        /** Model version to serve. */
        @WithDefault("any-index")
        String version();

        /**
         * Inference engine: "java" (default: the pure-Java forward pass over the version's portable parameters;
         * libtorch is never loaded, so start-up does not unpack or map it) or "djl" (libtorch through DJL, with the
         * predictor pool below).
         */
        @WithDefault("java")
        String engine();
    }

    interface Limits {
        /** engine=djl: predictors in the pool, requests scored at the same time (the java engine needs no pool). */
        @WithDefault("2")
        int predictors();

        /** How long a request waits for a free predictor before a 503. */
        @WithDefault("10s")
        Duration acquireTimeout();

        /**
         * One inference per predictor during startup, so that the first request does not pay libtorch's first-call
         * costs; measured with the cold-start benchmark (README).
         */
        @WithDefault("true")
        boolean warmUp();

        /** Most daily rows a request may send. */
        @WithDefault("5000")
        int maxDays();

        /** Most dates one request may ask to score (a range in one call). */
        @WithDefault("1000")
        int maxScoredDates();
    }
}
