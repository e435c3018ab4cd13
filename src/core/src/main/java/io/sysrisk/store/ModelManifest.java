package io.sysrisk.store;

import java.util.List;
import java.util.Map;

import io.sysrisk.data.InputKind;
import io.sysrisk.evaluation.AlarmThreshold;
import io.sysrisk.evaluation.EvaluationReport;
import io.sysrisk.features.AlarmFamily;
import io.sysrisk.experiment.EpochStats;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.inference.EnsembleConfig;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.windows.ChronologicalSplit;
import io.sysrisk.evaluation.AlarmThreshold;
import io.sysrisk.windows.NormalizationStats;

/**
 * {@code model.json}: everything needed to rebuild, verify and explain a stored model, and how it was made.
 */
public record ModelManifest(int formatVersion, String version, String createdAt, String architecture,
                            ModelConfig model, InputSpec input, NormalizationStats normalization,
                            LabelDefinition label, String experiment, ChronologicalSplit split,
                            Map<String, PartInfo> parts, double threshold, TrainingInfo training,
                            EvaluationReport metrics, List<DataFile> data, Map<String, String> versions,
                            ParameterFile parameters, EnsembleInfo ensemble, PooledConfig pooled,
                            ParameterFile portableParameters, AlarmRule alarm, List<PreferenceAlarm> alarms) {

    /**
     * How the served alert is decided: the score of family {@code by} ({@link AlarmFamily#id()}) at or above
     * {@code threshold}. {@code by = "model"}: the probability, its threshold chosen on calibration days for relative
     * usefulness and adopted ({@link AlarmThreshold}); {@code by = "volatility"}: 20-day realized volatility
     * (annualized), either chosen so or, in manifests written before alarms were chosen per preference, the
     * reference rule (its 90th percentile over the training days) the model's unadopted threshold fell back to; a
     * rule of the market's level ({@code "drawdown-memory"}, ...) likewise; {@code by = "none"}: no alarm, where no
     * family's threshold was adopted. {@code choice}: how the rule's family scored where its threshold was chosen
     * (for no alarm and the reference rule: the model's).
     */
    public record AlarmRule(String by, double threshold, AlarmThreshold choice) {
        public static final String MODEL = AlarmFamily.MODEL.id();
        public static final String VOLATILITY = AlarmFamily.VOLATILITY.id();

        public AlarmRule {
            AlarmFamily.byId(by);
        }

        /** The family whose score this rule alarms on. */
        public AlarmFamily family() {
            return AlarmFamily.byId(by);
        }

        /** The alert for a window with this probability and this rule's family's value on its last day. */
        public boolean alert(double probability, double familyValue) {
            return switch (family()) {
                case NONE -> false;
                case MODEL -> probability >= threshold;
                default -> familyValue >= threshold;
            };
        }

        /** Whether the alert reads the market's level (every family but the model's score and no alarm). */
        public boolean readsPrices() {
            return family().readsPrices();
        }
    }

    /**
     * The served alarm at one preference mu (the weight on missed signals; 1 - mu on false alarms): {@code rule}, the
     * family {@code io.sysrisk.training.ServedAlarm#select} picked, or no alarm; {@code candidates}: each family's
     * choice where it was chosen (the model's on the calibration days, the rules of the index level on every training
     * day), by family id; {@code transfer}: each family's relative usefulness on markets its threshold was not chosen
     * on (an inner leave-one-market-out over the training markets), the figure the family was picked by; absent in
     * manifests written before it was, and for a model of one market (nothing to hold out), whose pick is the most
     * useful where chosen.
     */
    public record PreferenceAlarm(double preference, AlarmRule rule, Map<String, AlarmThreshold> candidates,
                                  @com.fasterxml.jackson.annotation.JsonInclude(
                                          com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                                  Map<String, Double> transfer) {

        /** A choice made without a transfer figure (one market, or a manifest written before them). */
        public PreferenceAlarm(double preference, AlarmRule rule, Map<String, AlarmThreshold> candidates) {
            this(preference, rule, candidates, null);
        }
    }

    /** The preference the manifest's {@code alarm} was chosen at (the served default): 0.5 when it does not say. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public double defaultPreference() {
        return alarm != null && alarm.choice() != null ? alarm.choice().preference() : DEFAULT_PREFERENCE;
    }

    /** Misses and false alarms weigh the same: the preference every manifest without one was chosen at. */
    public static final double DEFAULT_PREFERENCE = 0.5;

    /** The preferences an alarm is served at: each of {@code alarms}, or only the default one. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public List<Double> preferences() {
        return alarms == null || alarms.isEmpty() ? List.of(defaultPreference())
                : alarms.stream().map(PreferenceAlarm::preference).toList();
    }

    /**
     * The alarm rule at {@code preference} (null: the default's, {@code alarm}); a manifest without a rule alerts on
     * the probability at its {@code threshold}. Fails naming the preferences offered when that one is not.
     */
    public AlarmRule alarmAt(Double preference) {
        if (preference == null || (alarms == null || alarms.isEmpty()) && preference == defaultPreference()) {
            return alarm != null ? alarm : new AlarmRule(AlarmRule.MODEL, threshold, null);
        }
        if (alarms != null) {
            for (PreferenceAlarm a : alarms) {
                if (a.preference() == preference) {
                    return a.rule();
                }
            }
        }
        throw new IllegalArgumentException("preference " + preference + " is not offered by model " + version
                + "; offered: " + preferences());
    }

    /** The served alert (at the default preference) for a window with this probability and 20-day volatility. */
    public boolean alert(double probability, double volatility) {
        AlarmRule rule = alarmAt(null);
        if (rule.readsPrices() && rule.family() != AlarmFamily.VOLATILITY) {
            throw new IllegalStateException("the default alarm reads " + rule.by() + ", not volatility");
        }
        return rule.alert(probability, volatility);
    }

    /**
     * A term-structure model's horizons in trading days (issue 26): each answer gives the probability of an onset
     * within each; its {@code probability} is the label's own horizon's. Null for a one-horizon model.
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public List<Integer> horizons() {
        return model == null ? null : model.horizons();
    }

    /** Whether the default alert needs the window's volatility. */
    public boolean alertsByVolatility() {
        return alarm != null && AlarmRule.VOLATILITY.equals(alarm.by());
    }

    public static final int FORMAT_VERSION = 1;
    /** The reference network's label. */
    public static final String ARCHITECTURE = "cnn-bilstm-attention";
    /** Its no-attention ablation ({@code --no-attention}): the BiLSTM outputs are mean-pooled. */
    public static final String ARCHITECTURE_NO_ATTENTION = "cnn-bilstm";

    /** The label of the network {@code model} describes: what the manifest records and the loaders build. */
    public static String architectureOf(ModelConfig model) {
        return model.attention() ? ARCHITECTURE : ARCHITECTURE_NO_ATTENTION;
    }

    /**
     * What a scoring request must contain: the input kind and its columns (for a panel, the member names; the
     * index column if any), the ordered features, the window and the feature look-back. A request needs at least
     * {@code requiredDays} = window + lookbackDays daily rows. {@code systemicInputs}: the systemic state's inputs
     * read after the features ({@link io.sysrisk.features.SystemicInput} ids; empty for a model of the market's own
     * data alone).
     */
    public record InputSpec(InputKind kind, List<String> columns, String indexColumn, List<String> features,
                            int window, int lookbackDays, int requiredDays,
                            @com.fasterxml.jackson.annotation.JsonInclude(
                                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                            List<String> systemicInputs,
                            @com.fasterxml.jackson.annotation.JsonInclude(
                                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                            SystemicStateFile systemicState) {
        public InputSpec {
            systemicInputs = systemicInputs == null ? List.of() : List.copyOf(systemicInputs);
        }

        public InputSpec(InputKind kind, List<String> columns, String indexColumn, List<String> features,
                         int window, int lookbackDays, int requiredDays) {
            this(kind, columns, indexColumn, features, window, lookbackDays, requiredDays, List.of(), null);
        }

        /** This input with the systemic state file the version carries. */
        public InputSpec withSystemicState(SystemicStateFile file) {
            return new InputSpec(kind, columns, indexColumn, features, window, lookbackDays, requiredDays,
                    systemicInputs, file);
        }

        /** Every channel the network reads, in order: the features, then the systemic inputs. */
        public List<String> channels() {
            List<String> out = new java.util.ArrayList<>(features);
            out.addAll(systemicInputs);
            return List.copyOf(out);
        }

        /** Whether the model reads the systemic state besides the market's own data. */
        public boolean systemic() {
            return !systemicInputs.isEmpty();
        }
    }

    /**
     * The systemic state a systemic model reads, stored with it ({@code file}, checked on every load like a parameter
     * file): one row per day of the system calendar from {@code firstDate} to {@code lastDate}, one column per input
     * the model reads, each day's state known at {@code stamp} of that day ({@link io.sysrisk.data.Session});
     * {@code sources}: the files it was computed from (file and SHA-256); {@code series}: the series in them the
     * model's inputs read, by the names a request that carries its own system sends them under (empty in versions
     * written before requests could); {@code markets}: the indices' own closes, carried so that a request can score
     * them by name (null in versions written before).
     */
    public record SystemicStateFile(String file, String sha256, long bytes, String firstDate, String lastDate,
                                    String stamp, List<DataFile> sources,
                                    List<io.sysrisk.features.SystemicSeries> series,
                                    @com.fasterxml.jackson.annotation.JsonInclude(
                                            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                                    CarriedMarkets markets) {
        public SystemicStateFile {
            series = series == null ? List.of() : List.copyOf(series);
        }

        public SystemicStateFile(String file, String sha256, long bytes, String firstDate, String lastDate,
                                 String stamp, List<DataFile> sources,
                                 List<io.sysrisk.features.SystemicSeries> series) {
            this(file, sha256, bytes, firstDate, lastDate, stamp, sources, series, null);
        }

        /** This state with the markets' closes the version carries. */
        public SystemicStateFile withMarkets(CarriedMarkets carried) {
            return new SystemicStateFile(file, sha256, bytes, firstDate, lastDate, stamp, sources, series, carried);
        }
    }

    /**
     * The closes of the markets a systemic version carries ({@code file}, checked on every load like a parameter
     * file; {@link io.sysrisk.data.MarketsCsv}): each market on its own trading days, from far enough before the
     * state's first day that its first window inside the state has its look-back, so that a request may name the
     * market instead of sending its closes.
     */
    public record CarriedMarkets(String file, String sha256, long bytes, List<CarriedMarket> markets) {
        /**
         * Rows carried, and sent with a request, before a first window's look-back: a request drops a day that
         * repeats the day before (an unchanged close), which would otherwise leave that window short of it.
         */
        public static final int MARGIN_DAYS = 60;

        public CarriedMarkets {
            markets = List.copyOf(markets);
        }

        /** The names a request may ask for, in the file's order. */
        public List<String> names() {
            return markets.stream().map(CarriedMarket::name).toList();
        }
    }

    /** One carried market: its name (the request's), what it is, and its closes' span. */
    public record CarriedMarket(String name, String about, String firstDate, String lastDate, int days) {
    }

    /** Dates and counts of one part of the experiment. */
    public record PartInfo(String firstWindowEnd, String lastWindowEnd, int windows, int positives) {
    }

    /** The training run: settings, the loss weight actually used, where early stopping landed, the curve. */
    public record TrainingInfo(TrainConfig config, float positiveWeight, int bestEpoch, int epochsRun,
                               double seconds, String device, List<EpochStats> history) {
    }

    /** A data file the model was trained on. */
    public record DataFile(String name, String sha256, int rows, String firstDate, String lastDate, String cleaning) {
    }

    /**
     * A parameter file and its SHA-256, checked on every load: DJL's ({@code parameters}) and the same values in the
     * portable format of {@link io.sysrisk.inference.PortableParameters} ({@code portableParameters}; null in
     * versions written before it existed), which the pure-Java forward pass reads.
     */
    public record ParameterFile(String file, String sha256, long bytes) {
    }

    /**
     * A seed ensemble ({@link io.sysrisk.model.EnsembleNet}): its members' architecture ({@code model}), seeds and
     * calibration, and each member's training run. Null for a single network.
     */
    public record EnsembleInfo(EnsembleConfig config, List<MemberRun> members) {
    }

    /** One ensemble member's training run. */
    public record MemberRun(int seed, int bestEpoch, int epochsRun, double validationLoss, double seconds,
                            List<EpochStats> history) {
    }

    /** Whether this is a pooled multi-market model (its experiment is {@code pooled}, not {@code split}). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isPooled() {
        return pooled != null;
    }

    /**
     * Whether this is a model in the default's shape trained on one market (a user's file or one embedded dataset,
     * {@code train --csv} or {@code --dataset}), not pooled over the embedded markets.
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isOneMarket() {
        return pooled != null && data != null && data.size() == 1;
    }

    /** How to read market data for this model: its input kind and index column, the default cleaning policy. */
    public io.sysrisk.data.LoadOptions loadOptions() {
        return new io.sysrisk.data.LoadOptions(input.kind(), input.indexColumn(),
                io.sysrisk.data.LoadOptions.DEFAULT_MIN_ROWS, io.sysrisk.data.LoadOptions.DEFAULT_MAX_FORWARD_FILL,
                io.sysrisk.data.LoadOptions.DEFAULT_MAX_DROPPED_SHARE, true);
    }

    public ModelManifest withParameters(ParameterFile p) {
        return new ModelManifest(formatVersion, version, createdAt, architecture, model, input, normalization, label,
                experiment, split, parts, threshold, training, metrics, data, versions, p, ensemble, pooled,
                portableParameters, alarm, alarms);
    }

    public ModelManifest withInput(InputSpec in) {
        return new ModelManifest(formatVersion, version, createdAt, architecture, model, in, normalization, label,
                experiment, split, parts, threshold, training, metrics, data, versions, parameters, ensemble, pooled,
                portableParameters, alarm, alarms);
    }

    public ModelManifest withPortableParameters(ParameterFile p) {
        return new ModelManifest(formatVersion, version, createdAt, architecture, model, input, normalization, label,
                experiment, split, parts, threshold, training, metrics, data, versions, parameters, ensemble, pooled, p,
                alarm, alarms);
    }
}
