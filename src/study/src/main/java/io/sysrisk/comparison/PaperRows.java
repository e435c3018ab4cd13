package io.sysrisk.comparison;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import ai.djl.inference.Predictor;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.model.Architecture;
import io.sysrisk.model.DjlScoring;
import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.experiment.PooledExperiment;
import io.sysrisk.training.ModelTrainer;
import io.sysrisk.training.PlattScaling;
import io.sysrisk.training.Recipe;
import io.sysrisk.windows.WindowSet;

/**
 * The comparison of arXiv 2502.06847 as rows of the study: the networks its table sets its own against (a CNN, a
 * BiLSTM, a Transformer and a TCN alone), its network without attention, and its network over windows of 30 and 120
 * days. Each row reads the paper network's inputs (the plain recipe's: {@link Evidence#PAPER_NETWORK}) at its size,
 * is trained on each fold with the study's seeds like every other network, and is made a probability the same way:
 * the members' mean probability, Platt-calibrated on the fold's calibration days.
 */
public final class PaperRows {

    private static final String SAME_INPUTS = "the paper network's inputs and size";

    /**
     * One row: the network to train and the window it reads (0: the study's).
     *
     * @param claim what the paper says of it, in words
     */
    public record Row(String name, Architecture architecture, int window, String claim)
            implements java.io.Serializable {

        public Row {
            if (!Evidence.paperRow(name)) {
                throw new IllegalArgumentException("a paper row's name starts with '" + Evidence.PAPER_ROW + "': "
                        + name);
            }
            if (architecture == Architecture.LOGISTIC || window < 0) {
                throw new IllegalArgumentException("not a row of the paper's comparison: " + architecture + ", window "
                        + window);
            }
        }

        static Row of(String name, Architecture a, int window, String claim) {
            return new Row(Evidence.PAPER_ROW + name, a, window, claim);
        }

        /** The window it reads when the study's windows are {@code studyWindow} days. */
        public int window(int studyWindow) {
            return window == 0 ? studyWindow : window;
        }
    }

    private static final String OUTPERFORMS = "the paper's network ranks above it (its table: CNN-BiLSTM-attention "
            + "beats each alone)";

    /** Every row, in the paper's order. */
    public static final List<Row> ALL = List.of(
            Row.of("cnn", Architecture.CNN, 0, OUTPERFORMS),
            Row.of("bilstm", Architecture.BILSTM, 0, OUTPERFORMS),
            Row.of("transformer", Architecture.TRANSFORMER, 0, OUTPERFORMS),
            Row.of("tcn", Architecture.TCN, 0, OUTPERFORMS),
            Row.of("without attention", Architecture.CNN_BILSTM, 0,
                    "attention over time steps adds to the CNN and BiLSTM"),
            Row.of("window 30", Architecture.CNN_BILSTM_ATTENTION, 30,
                    "none: the paper gives no window; 60 days is this study's choice"),
            Row.of("window 120", Architecture.CNN_BILSTM_ATTENTION, 120,
                    "none: the paper gives no window; 60 days is this study's choice"));

    /** The longest window any of {@code rows} reads, or {@code studyWindow}. */
    static int longestWindow(List<Row> rows, int studyWindow) {
        return rows.stream().mapToInt(r -> r.window(studyWindow)).reduce(studyWindow, Math::max);
    }

    /** The recipe whose inputs, size and series every row reads. */
    static Recipe inputs() {
        return Recipe.PLAIN;
    }

    /** One row's probabilities on each scored market's test windows and on the fold's calibration windows. */
    record Scores(Map<String, double[]> test, double[] calibration, List<Integer> bestEpochs) {
    }

    private PaperRows() {
    }

    /**
     * Trains {@code row} on its fold's {@code experiments} (the paper network's inputs, the row's window) once per
     * seed, and scores each market's {@code scoredRows} and the fold's calibration days.
     */
    static Scores train(Row row, FoldExperiments experiments, Map<String, int[]> scoredRows, List<Integer> seeds,
                        TrainConfig cfg, Consumer<String> log) {
        Recipe r = inputs();
        int window = row.window(experiments.window());
        Map<String, WindowSet> tests = new LinkedHashMap<>();
        scoredRows.forEach((market, rows) -> tests.put(market, experiments.windows(r, window, market, rows)));
        return train(row, experiments.of(r, window), tests, experiments.calibration(r, window), seeds,
                r.training(cfg), log);
    }

    /**
     * Trains {@code row} on {@code experiment} once per seed and scores {@code tests} (per market) and
     * {@code calibration}: the members' mean probability, calibrated by a Platt fit on the calibration windows
     * (as the study's ensembles are, so that its probabilities compare; ranking does not change).
     */
    static Scores train(Row row, PooledExperiment experiment, Map<String, WindowSet> tests, WindowSet calibration,
                        List<Integer> seeds, TrainConfig cfg, Consumer<String> log) {
        ModelConfig member = inputs().member();
        Map<String, double[]> testSum = new LinkedHashMap<>();
        tests.forEach((m, w) -> testSum.put(m, new double[w.size()]));
        double[] calibrationSum = new double[calibration.size()];
        List<Integer> epochs = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            String prefix = String.format("  %s member %d/%d (seed %d): ", row.name(), i + 1, seeds.size(),
                    seeds.get(i));
            try (ModelTrainer.Result r = ModelTrainer.train(row.architecture().build(member), experiment.train(),
                    experiment.validation(), cfg.withSeed(seeds.get(i)), line -> log.accept(prefix + line));
                 Predictor<WindowBatch, List<WindowScore>> p = r.newPredictor()) {
                epochs.add(r.bestEpoch());
                for (Map.Entry<String, WindowSet> t : tests.entrySet()) {
                    add(testSum.get(t.getKey()), WindowScore.probabilities(DjlScoring.score(p, t.getValue())));
                }
                add(calibrationSum, WindowScore.probabilities(DjlScoring.score(p, calibration)));
            }
        }
        double[] calibrationLogit = logits(calibrationSum, seeds.size());
        PlattScaling.Fit fit = PlattScaling.fit(calibrationLogit, calibration.labels());
        Map<String, double[]> test = new LinkedHashMap<>();
        testSum.forEach((m, sum) -> test.put(m, calibrated(logits(sum, seeds.size()), fit)));
        return new Scores(test, calibrated(calibrationLogit, fit), List.copyOf(epochs));
    }

    private static void add(double[] sum, double[] p) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += p[i];
        }
    }

    /** How far a mean probability is kept from 0 and 1 before its logit: the served ensemble's EnsembleNet.EDGE. */
    private static final double EDGE = 1e-6;

    /** The logit of each mean probability, kept off 0 and 1 as the served ensemble keeps it. */
    static double[] logits(double[] sum, int members) {
        double edge = EDGE;
        double[] z = new double[sum.length];
        for (int i = 0; i < z.length; i++) {
            double p = Math.min(1 - edge, Math.max(edge, sum[i] / members));
            z[i] = Math.log(p) - Math.log1p(-p);
        }
        return z;
    }

    static double[] calibrated(double[] z, PlattScaling.Fit fit) {
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = 1 / (1 + Math.exp(-(fit.scale() * z[i] + fit.shift())));
        }
        return p;
    }

    /** What each row reads, for the report. */
    public static String describe(Row row, int studyWindow) {
        return String.format("%s, %d-day windows, %s", row.architecture().label(), row.window(studyWindow),
                SAME_INPUTS);
    }
}
