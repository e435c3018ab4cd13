package io.sysrisk.comparison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import ai.djl.inference.Predictor;
import io.sysrisk.data.Market;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.model.DjlScoring;
import io.sysrisk.research.evaluation.AlarmNulls;
import io.sysrisk.research.evaluation.AlarmThresholds;
import io.sysrisk.research.evaluation.EventMetrics;
import io.sysrisk.research.evaluation.Indicators;
import io.sysrisk.research.evidence.CalmFigures;
import io.sysrisk.research.evidence.Difference;
import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.evidence.ProbabilityEvidence;
import io.sysrisk.research.experiment.PooledExperiment;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.training.CalibrationDays;
import io.sysrisk.training.EnsembleTrainer;
import io.sysrisk.training.ServedAlarm;
import io.sysrisk.windows.WindowSet;
import io.sysrisk.research.evidence.TermStructureEvidence.AlarmTable;
import io.sysrisk.research.evidence.TermStructureEvidence.Horizon;
import io.sysrisk.research.evidence.TermStructureEvidence.Fold;
import io.sysrisk.research.evidence.TermStructureEvidence.Result;

/**
 * A term structure's out-of-sample evidence, horizon by horizon (issue 26): leave-one-market-out as the default's
 * report holds markets out (each market over its whole history, and that period in every other market, so the
 * result is cross-era), the version's own recipe trained on the rest with every embargo the longest horizon's. On
 * the held-out market's windows, each horizon's probability is ranked against that horizon's label beside the
 * reference, 20-day volatility on the window's last day: ROC-AUC and PR-AUC, and their paired differences with
 * block-bootstrap intervals (blocks within each market). Calibration per horizon: the mean probability against the
 * observed rate, and the Brier score. Per horizon too, the stratum of onsets out of calm ({@link CalmStratum}: the
 * windows before onsets with no fall start in the {@link io.sysrisk.research.labels.Labeler#CALM_DAYS} before them, against
 * every window without an onset within the horizon), pooled within folds. Also counted: answers whose structure
 * decreases in the horizon (none can).
 *
 * <p>Per horizon too, an <b>alarm table</b> ({@link AlarmTable}) as the default's report keeps one for the served
 * rule: an onset within H days is warned by an alarm on one of the H days before it ({@link
 * EventMetrics.Warning#within}), so a signal day is a day labelled 1 at H. The horizon's probability alarms at a
 * threshold chosen on the fold's calibration windows ({@link AlarmThresholds}, preference
 * {@link LeaveOneMarketOut#SERVED_PREFERENCE}), adopted only when its usefulness there is above 0 with 95%
 * confidence, else it falls back to the reference rule (volatility above its training 90th percentile); volatility
 * is given its own threshold the same way. Beside them the alarms that know nothing of the future and keep the
 * model alarm's shape: always on, evenly spaced runs, a calendar, and the model alarm's circular shifts ({@link
 * AlarmNulls}).
 */
public final class TermStructureStudy {

    /** The bootstrap's block in trading days, as the default's report. */
    static final int BLOCK = LeaveOneMarketOut.BLOCK;

    /** Names of an alarm table's rows, in its order. */
    public static final String MODEL_ALARM = "model, this horizon's probability";
    public static final List<String> ALARM_ROWS = List.of(MODEL_ALARM, Evidence.VOLATILITY,
            Evidence.VOLATILITY_P90, Evidence.ALWAYS_ON, Evidence.EVENLY_SPACED,
            Evidence.CALENDAR);

    /** The scores the calm stratum ranks, in its order. */
    public static final List<String> CALM_SCORES = List.of("model", "volatility (vol_20d)");

    public static final String DESIGN = "leave-one-market-out, per horizon, the version's recipe";

    private TermStructureStudy() {
    }

    /**
     * @param base    the version's pooled experiment (with its horizons)
     * @param member  the version's member network (with its horizons)
     * @param markets the markets to hold out in turn ({@code settings.markets()} narrows them) and train on
     */
    public static Result run(PooledConfig base, ModelConfig member, TrainConfig train, List<Market> markets,
                             LeaveOneMarketOut.Settings settings, Consumer<String> log) {
        if (base.horizons() == null || member.horizons() == null || !base.horizons().equals(member.horizons())) {
            throw new IllegalArgumentException("a term-structure study needs a version with horizons, got "
                    + base.horizons() + " and " + member.horizons());
        }
        long start = System.nanoTime();
        int k = base.horizons().size();
        TrainConfig cfg = train.withMaxEpochs(settings.maxEpochs()).withPatience(settings.patience());
        List<Fold> folds = new ArrayList<>();
        List<Market> held = markets.stream()
                .filter(m -> settings.markets() == null || settings.markets().contains(m.name())).toList();
        for (int i = 0; i < held.size(); i++) {
            Market m = held.get(i);
            log.accept(String.format(Locale.ROOT, "[fold %d/%d] %s held out (%s..%s, and that period in every "
                    + "market), %.1f min elapsed", i + 1, held.size(), m.name(), m.first(), m.last(),
                    (System.nanoTime() - start) / 60e9));
            folds.add(fold(base.withHeldOut(new PooledConfig.HeldOut(m.name(), m.first(), m.last())), member, cfg,
                    markets, settings, log));
        }
        List<Horizon> pooled = new ArrayList<>();
        List<double[]> stratified = new ArrayList<>();
        int[] segments = folds.stream().mapToInt(f -> f.volatility().length).toArray();
        double[] vol = folds.stream().flatMapToDouble(f -> Arrays.stream(f.volatility())).toArray();
        for (int h = 0; h < k; h++) {
            int j = h;
            double[] p = folds.stream().flatMapToDouble(f -> Arrays.stream(f.probability()[j])).toArray();
            int[] y = folds.stream().flatMapToInt(f -> Arrays.stream(f.labels()[j])).toArray();
            double[] reference = folds.stream().flatMapToDouble(f -> {
                double[] r = new double[f.volatility().length];
                Arrays.fill(r, f.horizons().get(j).trainingRate());
                return Arrays.stream(r);
            }).toArray();
            pooled.add(horizon(base.horizons().get(h), p, y, vol, reference, segments, settings.samples()));
            double model = 0;
            double volatility = 0;
            int events = 0;
            for (Fold f : folds) {
                Horizon fh = f.horizons().get(h);
                if (fh.positives() > 0) {
                    model += fh.modelPrAuc() * fh.positives();
                    volatility += fh.volatilityPrAuc() * fh.positives();
                    events += fh.positives();
                }
            }
            stratified.add(new double[] {model / events, volatility / events});
        }
        List<CalmFigures> calm = new ArrayList<>();
        for (int h = 0; h < k; h++) {
            int j = h;
            List<int[]> kept = folds.stream().map(f -> CalmStratum.kept(f.rows(), f.labels()[j], f.onsets(),
                    f.calmOnsets())).toList();
            calm.add(CalmStratum.pooled(io.sysrisk.research.labels.Labeler.CALM_DAYS, folds.stream().map(Fold::onsets).toList(),
                    folds.stream().map(Fold::calmOnsets).toList(), folds.stream().map(Fold::onsetDates).toList(), kept,
                    folds.stream().map(f -> f.labels()[j]).toList(), CALM_SCORES,
                    List.of(folds.stream().map(f -> f.probability()[j]).toList(),
                            folds.stream().map(Fold::volatility).toList()), settings.samples(), Resampling.CALM_STRATUM));
        }
        List<AlarmTable> pooledAlarms = new ArrayList<>();
        for (int h = 0; h < k; h++) {
            pooledAlarms.add(pooledAlarms(folds, h, settings.samples()));
        }
        long answers = 0;
        long decreasing = 0;
        for (Fold f : folds) {
            for (int i = 0; i < f.volatility().length; i++) {
                answers++;
                for (int h = 1; h < k; h++) {
                    if (f.probability()[h][i] < f.probability()[h - 1][i]) {
                        decreasing++;
                        break;
                    }
                }
            }
        }
        Result r = new Result(Evidence.SCHEMA, DESIGN, settings.mode(), base.horizons(), base.label().horizon(), folds, pooled,
                stratified, calm, pooledAlarms, answers, decreasing, settings.samples(),
                (System.nanoTime() - start) / 1e9);
        for (AlarmTable t : pooledAlarms) {
            EventMetrics m = t.rows().get(0).events();
            log.accept(String.format(Locale.ROOT, "alarm, within %d days (%s): skill %.3f, onsets warned %d/%d, "
                            + "alarm on %.0f%% of days; volatility skill %.3f; circular shifts' median skill %.3f",
                    t.days(), t.alarmedBy(), m.skill(), m.warned(), m.onsets(), 100 * m.alarmShare(),
                    t.rows().get(1).events().skill(), t.shifts().skill()[1]));
        }
        for (int h = 0; h < k; h++) {
            CalmFigures c = calm.get(h);
            log.accept(String.format(Locale.ROOT, "calm stratum, within %d days: %d onsets out of calm, ROC-AUC "
                            + "model %.3f [%.2f, %.2f] vs volatility %.3f [%.2f, %.2f]", base.horizons().get(h),
                    c.calmOnsets(), c.ranking().get(0).rocAuc(), c.ranking().get(0).rocAucInterval().low(),
                    c.ranking().get(0).rocAucInterval().high(), c.ranking().get(1).rocAuc(),
                    c.ranking().get(1).rocAucInterval().low(), c.ranking().get(1).rocAucInterval().high()));
        }
        for (Horizon h : pooled) {
            log.accept(String.format(Locale.ROOT, "pooled, within %d days: PR-AUC model %.3f vs volatility %.3f, "
                            + "difference %+.3f [%.3f, %.3f]; ROC-AUC %.3f vs %.3f; mean probability %.3f, rate %.3f",
                    h.days(), h.modelPrAuc(), h.volatilityPrAuc(), h.prVsVolatility().estimate(),
                    h.prVsVolatility().interval().low(), h.prVsVolatility().interval().high(), h.modelRocAuc(),
                    h.volatilityRocAuc(), h.meanProbability(), h.baseRate()));
        }
        return r;
    }

    private static Fold fold(PooledConfig config, ModelConfig member, TrainConfig cfg, List<Market> markets,
                             LeaveOneMarketOut.Settings settings, Consumer<String> log) {
        PooledExperiment exp = PooledExperiment.prepare(config, markets);
        PooledExperiment.MarketPart held = exp.heldOut();
        WindowSet test = held.test();
        if (test.size() == 0) {
            throw new IllegalArgumentException("fold " + held.name() + " has no test window");
        }
        List<WindowScore> scores;
        List<WindowScore> calibrationScores;
        List<Integer> bestEpochs;
        try (EnsembleTrainer.Result t = EnsembleTrainer.train(member, settings.seeds(), exp.train(), exp.validation(),
                exp.calibration(), cfg, line -> log.accept("  " + line));
             Predictor<WindowBatch, List<WindowScore>> p = t.newPredictor()) {
            scores = DjlScoring.score(p, test);
            calibrationScores = DjlScoring.score(p, exp.calibration());
            bestEpochs = t.members().stream().map(ModelManifest.MemberRun::bestEpoch).toList();
        }
        int k = member.outputs();
        double[][] prob = new double[k][test.size()];
        int[][] labels = new int[k][test.size()];
        for (int i = 0; i < test.size(); i++) {
            double[] ts = scores.get(i).termStructure();
            for (int h = 0; h < k; h++) {
                prob[h][i] = ts[h];
                labels[h][i] = test.firstOnset()[i] <= h ? 1 : 0;
            }
        }
        double[] vol = Indicators.slice(Indicators.volatility(held.market().data()), test.rows());
        List<Horizon> horizons = new ArrayList<>();
        for (int h = 0; h < k; h++) {
            double[] reference = new double[test.size()];
            Arrays.fill(reference, trainingRate(exp, h));
            horizons.add(horizon(config.horizons().get(h), prob[h], labels[h], vol, reference,
                    new int[] {test.size()}, settings.samples()));
            Horizon x = horizons.get(h);
            log.accept(String.format(Locale.ROOT, "  %s, within %d days: %d of %d windows positive; PR-AUC model "
                    + "%.3f vs volatility %.3f; ROC-AUC %.3f vs %.3f; mean probability %.3f", held.name(), x.days(),
                    x.positives(), x.windows(), x.modelPrAuc(), x.volatilityPrAuc(), x.modelRocAuc(),
                    x.volatilityRocAuc(), x.meanProbability()));
        }
        String trainedOn = exp.markets().stream().filter(m -> m.trainRows().length > 0)
                .map(m -> m.name() + " " + m.matrix().dates().get(m.trainRows()[0]) + ".."
                        + m.matrix().dates().get(m.calibrationRows().length > 0
                        ? m.calibrationRows()[m.calibrationRows().length - 1] : m.trainRows()[m.trainRows().length - 1]))
                .reduce((a, b) -> a + "; " + b).orElse("");
        List<LocalDate> ends = test.endDates();
        io.sysrisk.labels.LabelDefinition.Onset fall = (io.sysrisk.labels.LabelDefinition.Onset) config.label();
        int[] onsets = io.sysrisk.research.labels.Labeler.onsets(held.market().data(), fall);
        boolean[] calm = io.sysrisk.research.labels.Labeler.outOfCalm(held.market().data(), fall, onsets,
                io.sysrisk.research.labels.Labeler.CALM_DAYS);
        List<LocalDate> onsetDates = Arrays.stream(onsets).mapToObj(t -> held.market().data().dates().get(t)).toList();
        int[] calmOnsetRows = EventTables.calmRows(onsets, calm);
        double volP90 = Indicators.trainVolatilityThreshold(exp);
        List<AlarmTable> alarms = new ArrayList<>();
        for (int h = 0; h < k; h++) {
            int days = config.horizons().get(h);
            EventMetrics.Warning warning = EventMetrics.Warning.within(days);
            CalibrationDays cal = CalibrationDays.of(exp, warning);
            double[] calProb = new double[calibrationScores.size()];
            for (int i = 0; i < calProb.length; i++) {
                calProb[i] = calibrationScores.get(i).termStructure()[h];
                // The warning period is the label's, so its signal days are the windows labelled 1 at this horizon.
                if (cal.signal()[i] != (exp.calibration().firstOnset()[i] <= h ? 1 : 0)) {
                    throw new IllegalStateException("calibration window " + i + ": signal day " + cal.signal()[i]
                            + " but first onset in interval " + exp.calibration().firstOnset()[i] + " at horizon "
                            + days);
                }
            }
            for (int i = 0; i < test.size(); i++) {
                if (EventMetrics.signal(onsets, test.rows()[i], warning) != (labels[h][i] == 1)) {
                    throw new IllegalStateException("test window " + i + " of " + held.name() + ": its label at "
                            + days + " days is not its signal day");
                }
            }
            alarms.add(alarmTable(days, warning, test.rows(), onsets, calmOnsetRows, prob[h], calProb, vol, cal,
                    volP90, settings.samples()));
            Evidence.EventRow model = alarms.get(h).rows().get(0);
            log.accept(String.format(Locale.ROOT, "  %s, alarm within %d days (%s): skill %.3f, onsets warned %d/%d",
                    held.name(), days, model.rule(), model.events().skill(), model.events().warned(),
                    model.events().onsets()));
        }
        return new Fold(held.name(), ends.get(0) + ".." + ends.get(ends.size() - 1), trainedOn, bestEpochs, horizons,
                alarms, ends, prob, labels, vol, test.rows(), onsets, calm, onsetDates);
    }

    /** One fold's alarm table at one horizon (rows as {@link #ALARM_ROWS}). */
    static AlarmTable alarmTable(int days, EventMetrics.Warning warning, int[] rows, int[] onsets, int[] calm,
                                 double[] model, double[] modelCalibration, double[] vol, CalibrationDays cal,
                                 double volP90, int samples) {
        double mu = Evidence.SERVED_PREFERENCE;
        EventTables.EventDays r = new EventTables.EventDays(mu, rows, onsets, calm, samples, warning);
        List<Evidence.EventRow> out = new ArrayList<>();
        out.add(r.tuned(MODEL_ALARM, ServedAlarm.choose(modelCalibration, cal, mu),
                model, vol, volP90));
        out.add(r.tuned(Evidence.VOLATILITY, ServedAlarm.choose(cal.volatility(), cal, mu), vol, vol, volP90));
        out.add(r.row(Evidence.VOLATILITY_P90, "reference rule", volP90, null,
                EventTables.alarmAt(vol, volP90)));
        out.add(r.row(Evidence.ALWAYS_ON, "every day", Double.NEGATIVE_INFINITY, null,
                EventBaselines.alwaysOn(rows.length)));
        EventMetrics e = out.get(0).events();
        out.add(r.row(Evidence.EVENLY_SPACED, e.alarmEpisodes() + " runs, " + e.alarmDays() + " alarm days",
                Double.NaN, null, AlarmNulls.evenlySpaced(rows.length, e.alarmDays(), e.alarmEpisodes())));
        out.add(r.row(Evidence.CALENDAR, e.alarmEpisodes() == 0 ? "no alarm" : "one day every "
                        + Math.round((double) rows.length / e.alarmEpisodes()) + " scored days", Double.NaN, null,
                AlarmNulls.calendar(rows.length, e.alarmEpisodes())));
        AlarmNulls.ShiftSummary shifts = AlarmNulls.shifts(List.of(rows), List.of(out.get(0).alarm()),
                List.of(onsets), List.of(calm), mu, warning);
        return new AlarmTable(days, mu, 1, out.get(0).choice().adopted() ? 1 : 0, out, shifts);
    }

    /** The folds' alarm tables at horizon {@code h}, pooled: counts added, intervals over every fold's days. */
    private static AlarmTable pooledAlarms(List<Fold> folds, int h, int samples) {
        AlarmTable first = folds.get(0).alarms().get(h);
        EventMetrics.Warning warning = EventMetrics.Warning.within(first.days());
        List<int[]> days = folds.stream().map(Fold::rows).toList();
        List<int[]> onsets = folds.stream().map(Fold::onsets).toList();
        List<Evidence.EventRow> rows = new ArrayList<>();
        for (int r = 0; r < first.rows().size(); r++) {
            int k = r;
            List<Evidence.EventRow> parts = folds.stream().map(f -> f.alarms().get(h).rows().get(k)).toList();
            rows.add(new Evidence.EventRow(parts.get(0).name(), EventTables.pooledRule(parts),
                    Double.NaN, null,
                    EventMetrics.pooled(parts.stream().map(Evidence.EventRow::events).toList()),
                    EventBaselines.intervals(days, parts.stream().map(Evidence.EventRow::alarm).toList(),
                            onsets, null, first.preference(), samples, Resampling.EVENT_INTERVALS, warning),
                    parts.stream().mapToInt(Evidence.EventRow::calmOnsets).sum(),
                    parts.stream().mapToInt(Evidence.EventRow::calmWarned).sum(), null));
        }
        AlarmNulls.ShiftSummary shifts = AlarmNulls.shifts(days,
                folds.stream().map(f -> f.alarms().get(h).rows().get(0).alarm()).toList(), onsets,
                folds.stream().map(f -> EventTables.calmRows(f.onsets(), f.calmOnsets())).toList(),
                first.preference(), warning);
        return new AlarmTable(first.days(), first.preference(), folds.size(),
                folds.stream().mapToInt(f -> f.alarms().get(h).adopted()).sum(), rows, shifts);
    }

    /**
     * One horizon's figures: {@code reference} is each window's training base rate at this horizon (the
     * forecast a user could make without the model), against which its proper scores are taken.
     */
    private static Horizon horizon(int days, double[] p, int[] y, double[] vol, double[] reference, int[] segments,
                                   int samples) {
        int positives = Arrays.stream(y).sum();
        double mean = Arrays.stream(p).average().orElse(Double.NaN);
        double brier = io.sysrisk.research.evaluation.ProperScores.brier(p, y);
        double rate = Arrays.stream(reference).average().orElse(Double.NaN);
        ProbabilityEvidence.Probabilities proper = ProbabilityFigures.of(MODEL_ALARM, p, reference, y, segments, null,
                samples);
        if (positives == 0 || positives == y.length) {
            return new Horizon(days, y.length, positives, (double) positives / y.length, mean, brier, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, null, null, rate, proper);
        }
        return new Horizon(days, y.length, positives, (double) positives / y.length, mean, brier,
                Metrics.rocAuc(p, y), Metrics.rocAuc(vol, y), Metrics.averagePrecision(p, y),
                Metrics.averagePrecision(vol, y),
                BlockBootstrap.difference(p, vol, y, segments, Metrics::rocAuc, BLOCK, samples, Resampling.PAIRED_DIFFERENCES),
                BlockBootstrap.difference(p, vol, y, segments, Metrics::averagePrecision, BLOCK, samples, Resampling.PAIRED_DIFFERENCES),
                rate, proper);
    }

    /**
     * The share of windows with an onset within horizon {@code h} (0-based) among every part a fold trains, stops
     * and calibrates on: that horizon's training base rate.
     */
    static double trainingRate(PooledExperiment e, int h) {
        int n = 0;
        int positives = 0;
        for (WindowSet s : List.of(e.train(), e.validation(), e.calibration())) {
            for (int first : s.firstOnset()) {
                positives += first <= h ? 1 : 0;
            }
            n += s.size();
        }
        return (double) positives / n;
    }
}
