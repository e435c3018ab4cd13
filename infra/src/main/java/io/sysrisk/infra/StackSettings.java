package io.sysrisk.infra;

import software.amazon.awscdk.App;

/**
 * What the stack is built from, read from the CDK context (cdk.json, or {@code cdk deploy -c key=value}).
 *
 * @param packaging    "zip" (the java25 managed runtime with the lean function.zip) or "image" (a Java 25
 *                     container image with a JDK 25 AOT cache, built from {@code imageDir})
 * @param functionZip  path of the Quarkus function.zip (./mvnw package -Plean-function)
 * @param imageDir     Docker build context: image/Dockerfile, with build/ prepared by deploy.sh
 * @param memoryMb     function memory (CPU share grows with it)
 * @param urlAuth      Function URL auth: AWS_IAM (default, signed requests) or NONE (public)
 * @param modelVersion model version to serve (SYSRISK_MODEL_VERSION); default the any-index model
 * @param reservedConcurrency at most this many sandboxes at once (default 10): with {@code urlAuth=NONE} the URL is
 *                     public, and an unbounded 2 GB function is a bill anyone can run up; 1..1000
 * @param snapStart    zip only: Lambda SnapStart on published versions; the Function URL then points at the alias
 *                     "live" (a published version), whose snapshot is taken after init, that is after the
 *                     function's start-up scoring call (the priming). Untested: needs AWS.
 * @param stage        "" (default) or a stage name (dev, prod, ...): it suffixes the stack, function and log group
 *                     names, so several stages live in one account
 * @param baseImage    image only: the base image pinned by digest (NAME@sha256:...), which deploy.sh resolves from
 *                     the Dockerfile's tag before building; "" builds from the tag
 */
public record StackSettings(String packaging, String functionZip, String imageDir, int memoryMb, String urlAuth,
                            String modelVersion, int reservedConcurrency, boolean snapStart, String stage,
                            String baseImage) {

    public static final String DEFAULT_MODEL_VERSION = "any-index";
    public static final int DEFAULT_RESERVED_CONCURRENCY = 10;

    public StackSettings {
        if (!packaging.equals("zip") && !packaging.equals("image")) {
            throw new IllegalArgumentException("sysrisk:packaging must be zip or image, got " + packaging);
        }
        if (!urlAuth.equals("AWS_IAM") && !urlAuth.equals("NONE")) {
            throw new IllegalArgumentException("sysrisk:urlAuth must be AWS_IAM or NONE, got " + urlAuth);
        }
        if (memoryMb < 1024 || memoryMb > 10240) {
            throw new IllegalArgumentException("sysrisk:memoryMb must be 1024..10240, got " + memoryMb);
        }
        if (!stage.matches("[a-z0-9][a-z0-9-]{0,19}|")) {
            throw new IllegalArgumentException("sysrisk:stage must be empty or 1-20 of a-z, 0-9 and '-', got " + stage);
        }
        if (!baseImage.isEmpty() && !baseImage.matches("[^@\\s]+@sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sysrisk:baseImage must be NAME@sha256:<64 hex digits>, got " + baseImage);
        }
        if (snapStart && !packaging.equals("zip")) {
            throw new IllegalArgumentException("sysrisk:snapStart needs the zip packaging (Lambda has no SnapStart "
                    + "for container images)");
        }
        if (reservedConcurrency < 0 || reservedConcurrency > 1000) {
            throw new IllegalArgumentException("sysrisk:reservedConcurrency must be 0 (none) or 1..1000, got "
                    + reservedConcurrency);
        }
    }

    static StackSettings from(App app) {
        return new StackSettings(ctx(app, "packaging", "zip"), ctx(app, "functionZip", "../src/function/target/function.zip"),
                ctx(app, "imageDir", "image"), Integer.parseInt(ctx(app, "memoryMb", "2048")),
                ctx(app, "urlAuth", "AWS_IAM"), ctx(app, "modelVersion", DEFAULT_MODEL_VERSION),
                Integer.parseInt(ctx(app, "reservedConcurrency", String.valueOf(DEFAULT_RESERVED_CONCURRENCY))),
                Boolean.parseBoolean(ctx(app, "snapStart", "false")), ctx(app, "stage", ""),
                ctx(app, "baseImage", ""));
    }

    /** A name with the stage's suffix: {@code sysrisk-score}, or {@code sysrisk-score-prod} for stage prod. */
    public String named(String base) {
        return stage.isEmpty() ? base : base + "-" + stage;
    }

    private static String ctx(App app, String key, String fallback) {
        Object v = app.getNode().tryGetContext("sysrisk:" + key);
        return v == null ? fallback : v.toString();
    }
}
