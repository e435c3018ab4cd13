package io.sysrisk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.sysrisk.model.EngineCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "engine-check", mixinStandardHelpOptions = true,
        description = "Check that DJL (libtorch) computes what the Java forward pass computes, within 1e-5, and say "
                + "which path the jobs take (libtorch as is, or with oneDNN capped). The build runs it before the "
                + "tests that use DJL.")
class EngineCheckCommand implements Callable<Integer>, DjlJob {

    @Option(names = "--properties", description = "Also write the oneDNN cap in effect (ALL when none) as Maven "
            + "properties for the test JVMs: sysrisk.onednn.isa.")
    Path properties;

    @Override
    public Integer call() throws IOException {
        // The guard ran the check before this: here the engine agrees, as is or under the remedy.
        String isa = System.getenv(EngineCheck.ISA_VARIABLE);
        String cap = isa == null || isa.isEmpty() ? "ALL" : isa;
        if (properties != null) {
            Files.createDirectories(properties.toAbsolutePath().getParent());
            Files.writeString(properties, "# written by sysrisk engine-check: the oneDNN cap the tests need\n"
                    + "sysrisk.onednn.isa=" + cap + "\n");
        }
        System.out.println("oneDNN instruction-set cap in effect: " + cap);
        return 0;
    }
}
