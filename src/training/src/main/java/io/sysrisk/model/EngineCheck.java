package io.sysrisk.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.sysrisk.inference.JavaModel;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;

/**
 * The engine self-check: fixed networks on fixed windows, scored by DJL (libtorch) and by the Java forward pass,
 * which is the reference. It exists because libtorch 2.7.1's oneDNN computes the LSTM and the Conv1d of these
 * networks wrongly on some CPUs (AMD Zen 5: probabilities off by up to 0.34, training silently degraded), and
 * nothing else would notice: every DJL job runs it first (the CLI's {@code EngineGuard}), and so does the build
 * before the tests of each module that computes with DJL ({@link #main}).
 *
 * <p>Both sizes of the network are checked, since oneDNN picks its kernels by shape (capping its instruction set
 * at AVX2 fixed the small network on Zen 5 and left the reference-size one 0.008 off). The parameters come from a
 * seeded {@link Random}, not from the engine's generator, so a check never moves a training run's random stream.
 */
public final class EngineCheck {

    /** Largest difference allowed between DJL and Java, on probabilities and attention weights. */
    public static final double TOLERANCE = 1e-5;

    /**
     * A stand-in for an affected CPU, for tests on machines whose oneDNN is right: {@code always} shifts every DJL
     * probability of the check by 0.01; {@code unless-capped} does so unless oneDNN's instruction set is capped
     * ({@link #ISA_VARIABLE} set), as on a Zen 5 CPU. It touches nothing but the check.
     */
    public static final String FAULT_VARIABLE = "SYSRISK_ENGINE_FAULT";
    /** oneDNN's cap on the instruction set its kernels use, read once when libtorch loads. */
    public static final String ISA_VARIABLE = "DNNL_MAX_CPU_ISA";
    /** The cap that gave parity on every committed model on Zen 5 (AVX2 left the reference-size network off). */
    public static final String REMEDY_ISA = "SSE41";
    /** Exit code of a check or job stopped because the engine computes wrong numbers and no remedy helped. */
    public static final int ENGINE_ERROR = 3;

    /** DJL's loggers, held so that the level set on them stays (the logging manager keeps loggers weakly). */
    private static final java.util.logging.Logger ENGINE_LOG = java.util.logging.Logger.getLogger("ai.djl");

    private static final int WINDOWS = 8;
    private static final int WINDOW = 60;
    private static final double SIMULATED_ERROR = 0.01;

    /**
     * @param maxDifference largest |DJL - Java| over every probability and attention weight checked
     * @param where         the network and output where it was found
     * @param millis        time the check took (the engine already started)
     */
    public record Result(double maxDifference, String where, long millis) {
        public boolean agrees() {
            return maxDifference <= TOLERANCE;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "max |DJL - Java| %.2e at %s, %d ms", maxDifference, where, millis);
        }
    }

    private record Case(String name, ModelConfig config, int features) {
    }

    private static final List<Case> CASES = List.of(
            new Case("small network", ModelConfig.small(), 4),
            new Case("reference network", ModelConfig.reference(), 16));

    private EngineCheck() {
    }

    /** The environment of a JVM that runs with oneDNN capped at {@link #REMEDY_ISA}. */
    public static Map<String, String> remedyEnvironment() {
        // The newer name wins inside oneDNN when both are set: set both, so a user's own cap cannot undo the remedy.
        return Map.of(ISA_VARIABLE, REMEDY_ISA, "ONEDNN_MAX_CPU_ISA", REMEDY_ISA);
    }

    /**
     * The build's check, before the tests of a module that computes with DJL: {@code args[0]} is the file it writes,
     * {@code sysrisk.onednn.isa=} the oneDNN cap the test JVMs need ({@code ALL} where DJL agrees with the Java forward
     * pass as is, {@link #REMEDY_ISA} where only the remedy makes it agree, checked again in a child JVM under it). A
     * CPU where nothing helps stops the build with one line and exit code {@link #ENGINE_ERROR}.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: EngineCheck <properties file to write>");
        }
        // The build's log gets the check's one line, not the engine's start-up notes (CUDA probing, natives found)
        // nor libtorch's known warnings, which it writes from native code (QuietEngine).
        if (QuietEngine.wanted()) {
            System.exit(QuietEngine.runFiltered(EngineCheck.class, args, System.err));
        }
        ENGINE_LOG.setLevel(java.util.logging.Level.SEVERE);
        EngineDefaults.apply();
        Result result = run();
        String cap = System.getenv(ISA_VARIABLE);
        boolean capped = cap != null && !cap.isEmpty() && !cap.equalsIgnoreCase("ALL");
        if (result.agrees()) {
            Path file = Path.of(args[0]);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, "# written by the build's engine check: the oneDNN cap the tests need\n"
                    + "sysrisk.onednn.isa=" + (capped ? cap : "ALL") + "\n");
            System.out.println("engine check: DJL agrees with the Java forward pass (" + result + "); oneDNN cap for "
                    + "the tests: " + (capped ? cap : "none"));
            return;
        }
        if (capped) {
            System.err.println("error: libtorch computes wrong numbers on this CPU even with oneDNN capped at " + cap
                    + " (" + result + ")");
            System.exit(ENGINE_ERROR);
        }
        System.out.println("engine check: DJL disagrees with the Java forward pass (" + result + "); checking again "
                + "with oneDNN capped at " + REMEDY_ISA);
        ProcessBuilder child = new ProcessBuilder(ChildJvm.command(EngineCheck.class, List.of(args))).inheritIO();
        child.environment().putAll(remedyEnvironment());
        System.exit(child.start().waitFor());
    }

    /** Checks the CPU engine as this process runs it (with the simulated fault when {@link #FAULT_VARIABLE} asks). */
    public static Result run() {
        return run(simulatedError(System.getenv(FAULT_VARIABLE), System.getenv(ISA_VARIABLE)));
    }

    /** @param djlError added to every DJL probability: a mismatch injected where the CPU has none */
    static Result run(double djlError) {
        // The engine's start (libtorch loading) is the job's cost either way; the check's own cost is timed.
        ai.djl.engine.Engine.getEngine("PyTorch");
        long start = System.nanoTime();
        double worst = 0;
        String where = "-";
        for (Case c : CASES) {
            double[] d = compare(c, djlError);
            if (d[0] > worst || where.equals("-")) {
                worst = d[0];
                where = c.name + (d[1] < 0 ? " probability" : " attention");
            }
        }
        return new Result(worst, where, (System.nanoTime() - start) / 1_000_000);
    }

    static double simulatedError(String fault, String isaCap) {
        if (fault == null || fault.isEmpty()) {
            return 0;
        }
        return switch (fault) {
            case "always" -> SIMULATED_ERROR;
            case "unless-capped" -> isaCap == null || isaCap.isEmpty() || isaCap.equalsIgnoreCase("ALL")
                    ? SIMULATED_ERROR : 0;
            default -> throw new IllegalArgumentException(FAULT_VARIABLE + " must be always or unless-capped, got '"
                    + fault + "'");
        };
    }

    /** @return {largest difference, -1 if on a probability else the attention step} */
    private static double[] compare(Case c, double djlError) {
        Shape input = new Shape(1, WINDOW, c.features);
        Block net = Architecture.CNN_BILSTM_ATTENTION.build(c.config);
        try (Model model = DjlModels.newModel("engine-check", Device.cpu(), net)) {
            net.initialize(model.getNDManager(), DataType.FLOAT32, input);
            Random r = new Random(20250206L + c.features);
            net.getParameters().forEach(p -> {
                long[] shape = p.getValue().getArray().getShape().getShape();
                int size = Math.toIntExact(p.getValue().getArray().size());
                // Weights at PyTorch's default scale (uniform, 1/sqrt(fan-in)): units neither dead nor saturated,
                // so a wrong kernel shows in the output instead of being flattened by a sigmoid.
                double bound = shape.length > 1 ? 1 / Math.sqrt((double) size / shape[0]) : 0.1;
                float[] values = new float[size];
                for (int i = 0; i < size; i++) {
                    values[i] = (float) (bound * (2 * r.nextDouble() - 1));
                }
                p.getValue().getArray().set(values);
            });
            float[] x = new float[WINDOWS * WINDOW * c.features];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) Math.max(-8, Math.min(8, 1.5 * r.nextGaussian()));
            }
            WindowBatch batch = new WindowBatch(WINDOWS, WINDOW, c.features, x);
            JavaModel java = JavaModel.of(c.config, null, c.features, DjlModels.tensors(net));
            List<WindowScore> expected = java.score(batch);
            List<WindowScore> actual;
            try (Predictor<WindowBatch, List<WindowScore>> p = model.newPredictor(new WindowTranslator())) {
                actual = DjlScoring.predict(p, batch);
            }
            double worst = 0;
            double at = -1;
            for (int i = 0; i < WINDOWS; i++) {
                double d = difference(actual.get(i).probability() + djlError, expected.get(i).probability());
                if (d > worst) {
                    worst = d;
                    at = -1;
                }
                float[] ea = expected.get(i).attention();
                float[] aa = actual.get(i).attention();
                for (int s = 0; s < ea.length; s++) {
                    double e = difference(aa[s], ea[s]);
                    if (e > worst) {
                        worst = e;
                        at = s;
                    }
                }
            }
            return new double[] {worst, at};
        }
    }

    /** A NaN from the engine is the worst disagreement, not one that every comparison skips. */
    private static double difference(double a, double b) {
        double d = Math.abs(a - b);
        return Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
    }
}
