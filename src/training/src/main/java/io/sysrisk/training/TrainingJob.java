package io.sysrisk.training;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import ai.djl.inference.Predictor;
import io.sysrisk.evaluation.AlarmThreshold;
import io.sysrisk.evaluation.EvaluationReport;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.experiment.DecisionFloor;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.features.SystemicInput;
import io.sysrisk.features.SystemicState;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.model.DjlModels;
import io.sysrisk.model.DjlScoring;
import io.sysrisk.research.data.SystemicPanel;
import io.sysrisk.research.evaluation.Indicators;
import io.sysrisk.research.experiment.PooledExperiment;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;
import io.sysrisk.windows.PartEvents;

/**
 * The training job, one shape for every dataset: a calibrated seed ensemble of the recipe's network (the default:
 * anchored on the volatility reference), early-stopped on a validation part, Platt-calibrated and given its alarm on
 * a separate calibration part (each holding the {@link DecisionFloor}'s events, checked before training), written to
 * the store with its provenance. {@link TrainingData} says what it trains on: the default pools every embedded
 * equity market's closes (and with the {@code anchored-spi-sectors} recipe the 9 SPI sectors, training only); a
 * user's file is one market with all its columns. The served default has no test part of its own: its out-of-sample
 * evidence is the leave-one-market-out report ({@code ./mvnw -q -Preport}), which runs this same recipe with one
 * market and its era held out.
 */
public record TrainingJob(PooledConfig experiment, ModelConfig member, TrainingData data, List<Integer> seeds,
                          TrainConfig train, DecisionFloor floor, Path storeRoot, String version) {

    /** The default ensemble: five seeds. */
    public static final List<Integer> DEFAULT_SEEDS = List.of(1, 2, 3, 4, 5);

    /** The file a systemic model's state is stored in. */
    public static final String SYSTEMIC_STATE_FILE = "systemic-state.csv";

    /** The file of the panel's index closes a systemic model carries, to be scored by name. */
    public static final String CARRIED_MARKETS_FILE = "markets.csv";

    public TrainingOutcome run(Consumer<String> log) {
        PooledExperiment exp = PooledExperiment.prepareUnchecked(experiment, data.markets(), List.of(),
                data.trainingOnly(), null);
        log.accept(exp.summary().stripTrailing());
        checkDecisionParts(exp, floor);
        // Refused at once, not after minutes of training, when another run writes the same version.
        try (ModelStore.WriteLock lock = new ModelStore(storeRoot).lock(version)) {
            try (WindowTrainer.Trained result = WindowTrainer.ensemble(member, seeds).train(exp.train(),
                    exp.validation(), exp.calibration(), train, log)) {
                double[] validationProbability;
                double[] calibrationProbability;
                try (Predictor<WindowBatch, List<WindowScore>> p = result.newPredictor()) {
                    validationProbability = WindowScore.probabilities(DjlScoring.score(p, exp.validation()));
                    calibrationProbability = WindowScore.probabilities(DjlScoring.score(p, exp.calibration()));
                }
                Alarms alarms = alarms(exp, calibrationProbability, log);
                Metrics validation = Metrics.of(validationProbability, exp.validation().labels(),
                        alarms.model().threshold());
                ModelManifest manifest = manifest(exp, result, validation, alarms);
                Path folder = DjlModels.save(new ModelStore(storeRoot), manifest, result.model(), lock,
                        this::writeSystemicState);
                log.accept(String.format("model %s written to %s (%d members, %.0f s of training); %s", version,
                        folder, seeds.size(), result.seconds(), evidenceCommand()));
                return new TrainingOutcome(folder, new ModelStore(storeRoot).manifest(version));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A systemic model's state, stored in its version so that serving reads the inputs it was trained on: the
     * embedded panel's state over the inputs the model reads ({@link SystemicState#toCsv}), with the panel's files as
     * its sources. Nothing for any other model.
     */
    private ModelManifest writeSystemicState(Path folder, ModelManifest m) throws java.io.IOException {
        if (!experiment.systemic()) {
            return m;
        }
        SystemicState state = SystemicPanel.state();
        List<SystemicInput> inputs = experiment.systemicInputs().stream().map(SystemicInput::fromId).toList();
        byte[] csv = state.toCsv(inputs);
        Path file = folder.resolve(SYSTEMIC_STATE_FILE);
        java.nio.file.Files.write(file, csv);
        SystemicState written = SystemicState.fromCsv(csv, state.stamp(), SYSTEMIC_STATE_FILE);
        ModelManifest.ParameterFile pf = ModelStore.describe(file);
        return m.withInput(m.input().withSystemicState(new ModelManifest.SystemicStateFile(SYSTEMIC_STATE_FILE,
                pf.sha256(), pf.bytes(), written.dates().get(0).toString(),
                written.dates().get(written.dates().size() - 1).toString(), state.stamp().name(),
                SystemicPanel.provenance(), io.sysrisk.features.SystemicSeries.neededBy(SystemicPanel.layout(),
                inputs), writeCarriedMarkets(folder, written.dates().get(0), m.input().requiredDays()))));
    }

    /**
     * The panel's eight indices' closes, carried so that a request (the Lambda's too, which has no datasets) can
     * name one: each from far enough before {@code stateFrom} that a window ending inside the state has its
     * look-back, and the margin a request's repeated closes may cost ({@link ModelManifest.CarriedMarkets#MARGIN_DAYS}).
     */
    private static ModelManifest.CarriedMarkets writeCarriedMarkets(Path folder, LocalDate stateFrom, int requiredDays)
            throws java.io.IOException {
        List<io.sysrisk.data.Market> carried = new java.util.ArrayList<>();
        List<ModelManifest.CarriedMarket> listed = new java.util.ArrayList<>();
        for (io.sysrisk.data.Market market : SystemicPanel.markets()) {
            io.sysrisk.data.MarketData d = market.data();
            int from = Math.max(0, d.indexOnOrAfter(stateFrom) - requiredDays
                    - ModelManifest.CarriedMarkets.MARGIN_DAYS);
            io.sysrisk.data.MarketData kept = d.slice(from, d.size());
            carried.add(new io.sysrisk.data.Market(market.name(), market.about(), kept));
            listed.add(new ModelManifest.CarriedMarket(market.name(), market.about(), kept.dates().get(0).toString(),
                    kept.dates().get(kept.size() - 1).toString(), kept.size()));
        }
        Path file = folder.resolve(CARRIED_MARKETS_FILE);
        java.nio.file.Files.write(file, io.sysrisk.data.MarketsCsv.write(carried));
        ModelManifest.ParameterFile pf = ModelStore.describe(file);
        return new ModelManifest.CarriedMarkets(CARRIED_MARKETS_FILE, pf.sha256(), pf.bytes(), listed);
    }

    /** What the job prints last: how to get the version's out-of-sample evidence. */
    private String evidenceCommand() {
        String store = storeRoot.equals(java.nio.file.Path.of(ModelStore.DEFAULT_ROOT)) ? "" : " --store " + storeRoot;
        if (TrainingData.isJoined(data.files())) {
            return "its out-of-sample evidence (walk-forward on " + String.join(", ", TrainingData.ownColumns(
                    data.files())) + ", trained with the panel before each period): ./mvnw -q -Preport "
                    + "-Dsysrisk.args=\"--version " + version + store + " --csv <your "
                    + TrainingData.marketsFileName(data.files()) + ">\"";
        }
        if (data.single() == null) {
            String file = TrainingData.isMarketsFile(data.files())
                    ? " --csv <your " + TrainingData.marketsFileName(data.files()) + ">" : "";
            return "its out-of-sample evidence (leave-one-market-out" + (file.isEmpty() ? "" : ", or walk-forward "
                    + "over the markets together when they share an era") + "): ./mvnw -q -Preport -Dsysrisk.args=\"--version "
                    + version + store + file + "\"";
        }
        boolean embedded = io.sysrisk.research.data.EmbeddedDataset.byFileName(data.files().get(0).name()).isPresent();
        return "its out-of-sample evidence (walk-forward): ./mvnw -q -Preport -Dsysrisk.args=\"--version " + version
                + store + (embedded ? "" : " --csv <your " + data.files().get(0).name() + ">") + "\"";
    }

    /**
     * The network learns from the training part, early stopping is decided on the validation part, Platt scaling and
     * the alarm on the calibration part, each pooled over the markets: each must hold {@code floor}'s events (counted
     * within each market) before training.
     */
    public static void checkDecisionParts(PooledExperiment exp, DecisionFloor floor) {
        String[] names = {"training", "validation", "calibration"};
        for (int k = 0; k < names.length; k++) {
            PartEvents held = PartEvents.NONE;
            LocalDate[] dates = {null, null};
            for (PooledExperiment.MarketPart m : exp.markets()) {
                int[] rows = k == 0 ? m.trainRows() : k == 1 ? m.validationRows() : m.calibrationRows();
                held = held.plus(PartEvents.ofRows(rows, m.labels()));
                span(dates, m, rows);
            }
            floor.check(names[k], dates[0], dates[1], held);
        }
    }

    private static void span(LocalDate[] span, PooledExperiment.MarketPart m, int[] rows) {
        if (rows.length == 0) {
            return;
        }
        LocalDate first = m.matrix().dates().get(rows[0]);
        LocalDate last = m.matrix().dates().get(rows[rows.length - 1]);
        span[0] = span[0] == null || first.isBefore(span[0]) ? first : span[0];
        span[1] = span[1] == null || last.isAfter(span[1]) ? last : span[1];
    }

    /**
     * The served alarms: at each preference of {@link io.sysrisk.research.evidence.Evidence#PREFERENCES}, the family
     * and threshold {@link ServedAlarm#select} picks (the model's threshold chosen on the calibration part, the
     * rules' on every training day: {@link ServedAlarm#choices}); {@code alarm} is the one at
     * {@link ServedAlarm#PREFERENCE}, {@code model} the model's own choice there (the manifest's probability threshold).
     */
    record Alarms(ModelManifest.AlarmRule alarm, AlarmThreshold model, List<ModelManifest.PreferenceAlarm> all) {
    }

    /** The served alarms ({@link ServedAlarm}), each logged in words. */
    static Alarms alarms(PooledExperiment exp, double[] calibrationProbability, Consumer<String> log) {
        List<ModelManifest.PreferenceAlarm> all = new java.util.ArrayList<>();
        ModelManifest.PreferenceAlarm served = null;
        double[] mus = io.sysrisk.research.evidence.Evidence.PREFERENCES;
        List<java.util.Map<io.sysrisk.features.AlarmFamily, AlarmThreshold>> choices = ServedAlarm.choices(exp,
                ServedAlarm.CANDIDATES, calibrationProbability, mus);
        List<java.util.Map<io.sysrisk.features.AlarmFamily, Double>> transfer = ServedAlarm.transfer(exp,
                ServedAlarm.CANDIDATES, calibrationProbability, mus);
        for (int k = 0; k < mus.length; k++) {
            double mu = mus[k];
            ModelManifest.PreferenceAlarm a = ServedAlarm.select(mu, choices.get(k), transfer.get(k));
            all.add(a);
            log.accept(describe(a));
            if (mu == ServedAlarm.PREFERENCE) {
                served = a;
            }
        }
        if (served == null) {
            throw new IllegalStateException("the served preference " + ServedAlarm.PREFERENCE + " is not among "
                    + java.util.Arrays.toString(io.sysrisk.research.evidence.Evidence.PREFERENCES));
        }
        return new Alarms(served.rule(), served.candidates().get(ModelManifest.AlarmRule.MODEL), List.copyOf(all));
    }

    /** One preference's alarm in words, with each candidate's usefulness on the calibration days. */
    static String describe(ModelManifest.PreferenceAlarm a) {
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT, "alarm at preference %.1f: ",
                a.preference()));
        if (ServedAlarm.isNone(a)) {
            sb.append("no family's threshold adopted: no alarm");
        } else {
            sb.append(String.format(java.util.Locale.ROOT, "%s >= %.4f", a.rule().family().words(),
                    a.rule().threshold()));
        }
        sb.append("; relative usefulness where chosen (the model: calibration days; the rules: every training day), "
                + "lower 5% over resamples:");
        a.candidates().forEach((id, c) -> sb.append(String.format(java.util.Locale.ROOT, " %s %.3f (%.3f%s)", id,
                c.usefulness(), c.lowerBound(), c.adopted() ? ", adopted" : "")));
        if (a.transfer() != null) {
            sb.append("; on markets the threshold was not chosen on (the pick's criterion):");
            a.transfer().forEach((id, u) -> sb.append(String.format(java.util.Locale.ROOT, " %s %.3f", id, u)));
        }
        return sb.toString();
    }

    /**
     * The manifest's probability threshold: the chosen one, or 1 when "never alarm" was best (the store holds it to
     * [0, 1] and JSON has no infinity for the API to return); such a choice is never adopted, so the alert follows
     * the volatility rule, not this number.
     */
    static double probabilityThreshold(AlarmThreshold choice) {
        return choice.never() ? 1.0 : choice.threshold();
    }

    private ModelManifest manifest(PooledExperiment exp, WindowTrainer.Trained result, Metrics validation,
                                   Alarms alarms) {
        int lookback = exp.features().lookback();
        ModelManifest.InputSpec input = new ModelManifest.InputSpec(data.kind(), data.columns(), data.indexColumn(),
                exp.features().ids(), experiment.window(), lookback, experiment.window() + lookback,
                experiment.systemicInputs(), null);
        Map<String, ModelManifest.PartInfo> parts = new LinkedHashMap<>();
        for (PooledExperiment.MarketPart m : exp.markets()) {
            parts.put(m.name() + " train", part(m, m.trainRows()));
            parts.put(m.name() + " validation", part(m, m.validationRows()));
            parts.put(m.name() + " calibration", part(m, m.calibrationRows()));
        }
        return new ManifestBuilder(version, member)
                .input(input, exp.normalization())
                .experiment(experiment.name(), experiment.label(), null, parts, data.files())
                .training(train, result)
                .evaluation(probabilityThreshold(alarms.model()), new EvaluationReport(validation, null, null, null,
                        Double.NaN))
                .pooled(experiment, alarms.alarm(), alarms.all())
                .build();
    }

    private static ModelManifest.PartInfo part(PooledExperiment.MarketPart m, int[] rows) {
        if (rows.length == 0) {
            return new ModelManifest.PartInfo(null, null, 0, 0);
        }
        int pos = 0;
        for (int t : rows) {
            pos += m.labels()[t];
        }
        return new ModelManifest.PartInfo(m.matrix().dates().get(rows[0]).toString(),
                m.matrix().dates().get(rows[rows.length - 1]).toString(), rows.length, pos);
    }
}
