package io.sysrisk.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The synthesized CloudFormation of both packagings, offline. */
class SysriskStackTest {

    private static Template zip;
    private static Template image;
    private static Template snapStart;

    @BeforeAll
    static void synth() throws IOException {
        Path dir = Files.createTempDirectory("sysrisk-cdk-");
        Path fakeZip = dir.resolve("function.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(fakeZip))) {
            out.putNextEntry(new ZipEntry("placeholder.txt"));
            out.write("the real package is src/function/target/function.zip".getBytes());
            out.closeEntry();
        }
        zip = Template.fromStack(new SysriskStack(new App(), "Zip", StackProps.builder().build(),
                new StackSettings("zip", fakeZip.toString(), "image", 2048, "AWS_IAM", "sp500-ohlcv", 10, false, "", "")));
        snapStart = Template.fromStack(new SysriskStack(new App(), "Snap", StackProps.builder().build(),
                new StackSettings("zip", fakeZip.toString(), "image", 2048, "AWS_IAM", "any-index", 10, true, "", "")));
        image = Template.fromStack(new SysriskStack(new App(), "Image", StackProps.builder().build(),
                new StackSettings("image", fakeZip.toString(), "image", 3008, "AWS_IAM", "sp500-ohlcv", 25, false, "", "")));
    }

    @Test
    void zipFunctionIsTheLeanJavaEngineOnJava25() {
        zip.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Runtime", "java25",
                "Handler", SysriskStack.HANDLER,
                "MemorySize", 2048,
                "Timeout", 30,
                "Architectures", List.of("x86_64"),
                "ReservedConcurrentExecutions", 10,
                "Environment", Map.of("Variables", Map.of("SYSRISK_MODEL_VERSION", "sp500-ohlcv",
                        "JAVA_TOOL_OPTIONS", "-Djdk.reflect.useNativeAccessorOnly=true")),
                "LoggingConfig", Match.objectLike(Map.of("LogGroup", Match.anyValue()))));
        // Nothing large is unpacked at start: /tmp stays at Lambda's default (and SnapStart stays possible).
        zip.hasResourceProperties("AWS::Lambda::Function", Match.not(Match.objectLike(Map.of("EphemeralStorage",
                Match.anyValue()))));
    }

    /** The image scores in Java too: no libtorch settings, no managed runtime (the image brings Java 25). */
    @Test
    void imageFunctionIsTheJavaPathWithoutLibtorch() {
        image.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "PackageType", "Image",
                "MemorySize", 3008,
                "ReservedConcurrentExecutions", 25,
                "Environment", Map.of("Variables", Map.of("SYSRISK_MODEL_VERSION", "sp500-ohlcv"))));
        image.hasResourceProperties("AWS::Lambda::Function", Match.not(Match.objectLike(Map.of("Runtime", "java25"))));
    }

    /** Built for x86_64 on any machine: the image asset names its platform, as the function its architecture. */
    @Test
    void theImageIsBuiltForTheFunctionsPlatform() throws IOException {
        Path out = Files.createTempDirectory("sysrisk-cdk-out-");
        App app = new App(software.amazon.awscdk.AppProps.builder().outdir(out.toString()).build());
        new SysriskStack(app, "ImagePlatform", StackProps.builder().build(),
                new StackSettings("image", "x", "image", 2048, "AWS_IAM", "any-index", 10, false, "", ""));
        app.synth();
        String assets = Files.readString(out.resolve("ImagePlatform.assets.json"));
        assertTrue(assets.contains("\"platform\": \"linux/amd64\""), assets);
        image.hasResourceProperties("AWS::Lambda::Function", Map.of("Architectures", List.of("x86_64")));
    }

    /** 0 reserves nothing (accounts whose quota is 10 cannot reserve any); deploy.sh checks the quota first. */
    @Test
    void reservedConcurrencyZeroReservesNothing() throws IOException {
        Path zipFile = Files.createTempFile("sysrisk-", ".zip");
        Template none = Template.fromStack(new SysriskStack(new App(), "NoReservation", StackProps.builder().build(),
                new StackSettings("zip", zipFile.toString(), "image", 2048, "AWS_IAM", "any-index", 0, false, "", "")));
        none.hasResourceProperties("AWS::Lambda::Function", Match.not(Match.objectLike(Map.of(
                "ReservedConcurrentExecutions", Match.anyValue()))));
    }

    /** cdk.json and deploy.sh point at the one zip the build makes. */
    @Test
    void cdkJsonNamesTheZipDeployShBuilds() throws IOException {
        String cdk = Files.readString(Path.of("cdk.json"));
        String deploy = Files.readString(Path.of("deploy.sh"));
        assertTrue(cdk.contains("\"sysrisk:functionZip\": \"../src/function/target/function.zip\""), cdk);
        assertTrue(deploy.contains("zip=\"$here/../src/function/target/function.zip\""), deploy);
    }

    /** SnapStart is off unless asked for; on, it applies to a published version, and the URL serves that alias. */
    @Test
    void snapStartIsAnOptionOnAPublishedVersion() {
        zip.hasResourceProperties("AWS::Lambda::Function", Match.not(Match.objectLike(Map.of("SnapStart",
                Match.anyValue()))));
        zip.resourceCountIs("AWS::Lambda::Alias", 0);
        snapStart.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"), "Runtime", "java25"));
        snapStart.resourceCountIs("AWS::Lambda::Version", 1);
        snapStart.hasResourceProperties("AWS::Lambda::Alias", Map.of("Name", SysriskStack.LIVE_ALIAS));
        snapStart.hasResourceProperties("AWS::Lambda::Url", Map.of("Qualifier", SysriskStack.LIVE_ALIAS));
        snapStart.hasOutput("FunctionQualifier", Map.of("Value", SysriskStack.LIVE_ALIAS));
        zip.hasOutput("FunctionQualifier", Map.of("Value", "$LATEST"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new StackSettings("image", "x", "image", 2048, "AWS_IAM", "sp500-ohlcv", 10, true, "", ""));
    }

    @Test
    void functionUrlRequiresSignedRequests() {
        for (Template t : List.of(zip, image)) {
            t.resourceCountIs("AWS::Lambda::Url", 1);
            t.hasResourceProperties("AWS::Lambda::Url", Map.of("AuthType", "AWS_IAM"));
            t.resourceCountIs("AWS::Lambda::Permission", 0);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void roleIsLeastPrivilege() {
        for (Template t : List.of(zip, image)) {
            Map<String, Map<String, Object>> roles = t.findResources("AWS::IAM::Role");
            assertEquals(1, roles.size());
            Map<String, Object> roleProps = (Map<String, Object>) roles.values().iterator().next().get("Properties");
            assertFalse(roleProps.containsKey("ManagedPolicyArns"), "no managed policies: " + roleProps);

            Map<String, Map<String, Object>> policies = t.findResources("AWS::IAM::Policy");
            assertEquals(1, policies.size());
            Map<String, Object> doc = (Map<String, Object>) ((Map<String, Object>) policies.values().iterator().next()
                    .get("Properties")).get("PolicyDocument");
            List<Map<String, Object>> statements = (List<Map<String, Object>>) doc.get("Statement");
            for (Map<String, Object> st : statements) {
                Object actions = st.get("Action");
                for (Object a : actions instanceof List<?> l ? l : List.of(actions)) {
                    assertFalse(a.toString().contains("*"), "wildcard action " + a);
                    assertTrue(a.toString().startsWith("logs:"), "only logging: " + a);
                }
                Object resource = st.get("Resource");
                assertFalse(resource instanceof String s && s.equals("*"), "wildcard resource");
                assertTrue(resource.toString().contains("Logs"), "scoped to the function's log group: " + resource);
            }
        }
    }

    /** A stage suffixes every fixed name, so stages do not collide in one account; bad stage names are refused. */
    @Test
    void aStageGetsItsOwnNames() throws IOException {
        Path zipFile = Files.createTempFile("sysrisk-", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zipFile))) {
            out.putNextEntry(new ZipEntry("placeholder.txt"));
            out.closeEntry();
        }
        StackSettings prod = new StackSettings("zip", zipFile.toString(), "image", 2048, "AWS_IAM", "any-index", 10,
                false, "prod", "");
        Template t = Template.fromStack(new SysriskStack(new App(), prod.named(SysriskApp.STACK),
                StackProps.builder().build(), prod));
        t.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", "sysrisk-score-prod"));
        t.hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "/aws/lambda/sysrisk-score-prod"));
        assertEquals("Sysrisk-prod", prod.named(SysriskApp.STACK));
        zip.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", SysriskStack.FUNCTION_NAME));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new StackSettings("image",
                "f.zip", "image", 2048, "AWS_IAM", "any-index", 10, false, "", "public.ecr.aws/lambda/java:25"));
        new StackSettings("image", "f.zip", "image", 2048, "AWS_IAM", "any-index", 10, false, "",
                "public.ecr.aws/lambda/java@sha256:" + "0".repeat(64)); // a digest is accepted
        for (String bad : List.of("Prod", "a b", "x".repeat(21), "-x")) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new StackSettings("zip", "f.zip", "image", 2048, "AWS_IAM", "any-index", 10, false, bad, ""));
        }
    }

    @Test
    void logsAreKeptThirtyDays() {
        zip.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30,
                "LogGroupName", "/aws/lambda/" + SysriskStack.FUNCTION_NAME));
    }

    @Test
    void settingsRejectNonsense() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new StackSettings("jar", "x", "image", 2048, "AWS_IAM", "sp500-ohlcv", 10, false, "", ""));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new StackSettings("zip", "x", "image", 512, "AWS_IAM", "sp500-ohlcv", 10, false, "", ""));
    }

    /** The deployed function serves the default any-index model, bounded in concurrency, unless told otherwise. */
    @Test
    void defaultsServeTheAnyIndexModelWithBoundedConcurrency() {
        StackSettings d = StackSettings.from(new App());
        assertEquals("any-index", d.modelVersion());
        assertEquals(10, d.reservedConcurrency());
        assertEquals("zip", d.packaging());
        assertFalse(d.snapStart());
        assertTrue(d.functionZip().endsWith("src/function/target/function.zip"), d.functionZip());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new StackSettings("zip", "f.zip", "image", 2048, "AWS_IAM", "any-index", -1, false, "", ""));
    }
}
