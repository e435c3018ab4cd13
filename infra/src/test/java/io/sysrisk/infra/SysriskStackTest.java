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

    @BeforeAll
    static void synth() throws IOException {
        Path dir = Files.createTempDirectory("sysrisk-cdk-");
        Path fakeZip = dir.resolve("function.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(fakeZip))) {
            out.putNextEntry(new ZipEntry("placeholder.txt"));
            out.write("the real package is target/function.zip".getBytes());
            out.closeEntry();
        }
        zip = Template.fromStack(new SysriskStack(new App(), "Zip", StackProps.builder().build(),
                new StackSettings("zip", fakeZip.toString(), "image", 2048, "AWS_IAM", "sp500", 10)));
        image = Template.fromStack(new SysriskStack(new App(), "Image", StackProps.builder().build(),
                new StackSettings("image", fakeZip.toString(), "image", 3008, "AWS_IAM", "sp500", 25)));
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
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "SYSRISK_MODEL_ENGINE", "java",
                        "OPT_OUT_TRACKING", "true",
                        "SYSRISK_MODEL_VERSION", "sp500"))),
                "LoggingConfig", Match.objectLike(Map.of("LogGroup", Match.anyValue()))));
        // Nothing large is unpacked at start: /tmp stays at Lambda's default (and SnapStart stays possible).
        zip.hasResourceProperties("AWS::Lambda::Function", Match.not(Match.objectLike(Map.of("EphemeralStorage",
                Match.anyValue()))));
    }

    @Test
    void imageFunctionPointsDjlAtThePreUnpackedLibtorch() {
        image.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "PackageType", "Image",
                "MemorySize", 3008,
                "ReservedConcurrentExecutions", 25,
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "PYTORCH_LIBRARY_PATH", "/opt/libtorch",
                        "PYTORCH_FLAVOR", "cpu",
                        "DJL_CACHE_DIR", "/opt/djl-cache",
                        "OPT_OUT_TRACKING", "true")))));
        image.hasResourceProperties("AWS::Lambda::Function", Match.not(Match.objectLike(Map.of("Runtime", "java25"))));
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

    @Test
    void logsAreKeptThirtyDays() {
        zip.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30,
                "LogGroupName", "/aws/lambda/" + SysriskStack.FUNCTION_NAME));
    }

    @Test
    void settingsRejectNonsense() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new StackSettings("jar", "x", "image", 2048, "AWS_IAM", "sp500", 10));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new StackSettings("zip", "x", "image", 512, "AWS_IAM", "sp500", 10));
    }

    /** The deployed function serves the default any-index model, bounded in concurrency, unless told otherwise. */
    @Test
    void defaultsServeTheAnyIndexModelWithBoundedConcurrency() {
        StackSettings d = StackSettings.from(new App());
        assertEquals("any-index", d.modelVersion());
        assertEquals(10, d.reservedConcurrency());
        assertEquals("zip", d.packaging());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new StackSettings("zip", "f.zip", "image", 2048, "AWS_IAM", "any-index", 0));
    }
}
