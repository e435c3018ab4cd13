package io.sysrisk.serving.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sysrisk.research.evidence.CalmFigures;
import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.evidence.EvidenceJson;
import io.sysrisk.research.evidence.Interval;
import io.sysrisk.research.evidence.ProbabilityEvidence;
import io.sysrisk.research.evidence.TermStructureEvidence;
import io.sysrisk.serving.ScoringService;
import io.sysrisk.store.ModelManifest;

/**
 * The served model's out-of-sample evidence, from its committed report packaged with the application: the page's
 * trimmed evidence ({@link #evidence}), GET /model's summary ({@link #outOfSample}) and the report's text. REST build
 * only (not in the Lambda package).
 */
@ApplicationScoped
public class EvidenceService {

    private final ScoringService service;
    /** A file of the served version's packaged report by name (null when absent). */
    private final java.util.function.Function<String, InputStream> report;
    private final ObjectMapper json = new ObjectMapper();
    private volatile ObjectNode evidence;

    @jakarta.inject.Inject
    public EvidenceService(ScoringService service) {
        this(service, file -> EvidenceService.class.getResourceAsStream("/monitor-evidence/"
                + service.manifest().version() + "/report/" + file));
    }

    /** With the served version's report read through {@code report} (a test hands in a report of its own). */
    public EvidenceService(ScoringService service, java.util.function.Function<String, InputStream> report) {
        this.service = service;
        this.report = report;
    }

    /**
     * Reads the served model's report when the application starts: a report this build cannot read (another schema
     * version) stops the start with one line, as a broken model store does.
     */
    public void onStart(@Observes StartupEvent event) {
        evidence();
    }

    /**
     * The trimmed out-of-sample evidence of the served model (leave-one-market-out for the default, walk-forward for
     * a model of one market; {@code design} says which), or an empty object when it has no committed report.
     */
    public ObjectNode evidence() {
        ObjectNode e = evidence;
        if (e == null) {
            synchronized (this) {
                if (evidence == null) {
                    evidence = readEvidence();
                }
                e = evidence;
            }
        }
        return e.isEmpty() ? null : e;
    }

    /**
     * GET /model's summary of the committed report: the selected network's and volatility's stratified ranking
     * figures, the pooled paired PR-AUC difference with its interval, the served alarm's pooled event figures with
     * intervals, its per-day skill beside the uninformative alarms', the onsets out of calm (ranking, warned share,
     * and in words), and what an alert means in words. Null without a packaged report.
     */
    public ObjectNode outOfSample() {
        ObjectNode e = evidence();
        if (e == null) {
            return null;
        }
        ModelManifest m = service.manifest();
        if (e.has("termStructure")) {
            ObjectNode out = json.createObjectNode();
            out.put("report", "model-store/" + m.version() + "/report/README.md");
            out.put("method", "leave-one-market-out, per horizon: each market held out over its whole history and "
                    + "that period in every other market; each horizon's probability ranked against that horizon's "
                    + "label beside 20-day volatility; 95% circular block-bootstrap intervals");
            out.set("horizons", e.get("termStructure"));
            out.set("onsetsOutOfCalm", e.get("calm"));
            out.set("decreasingAnswers", e.get("decreasing"));
            out.set("answers", e.get("answers"));
            out.set("inWords", e.get("inWords"));
            // Each horizon's alarm in brief (the page's evidence has the tables): its rule, its skill per day
            // against the uninformative alarms'.
            ArrayNode alarms = out.putArray("alarms");
            for (JsonNode t : e.path("alarms")) {
                ObjectNode a = alarms.addObject();
                for (String k : new String[] {"days", "folds", "adopted", "alarmedBy", "verdict", "beatsNulls"}) {
                    a.set(k, t.get(k));
                }
            }
            out.set("alarmsInWords", e.get("alarmsInWords"));
            ObjectNode p = ((ObjectNode) e.get("probability")).deepCopy();
            p.remove("pooled");
            out.set("probability", p);
            return out;
        }
        String design = e.path("design").asText();
        boolean walkForward = design.startsWith("walk-forward");
        // A fold of the markets together is one row per market and period ("djia 1/2"): count the periods.
        java.util.Set<String> periods = new java.util.TreeSet<>();
        e.path("folds").forEach(f -> periods.add(f.path("fold").asText().replaceAll(".* ", "")));
        ObjectNode out = json.createObjectNode();
        out.put("report", "model-store/" + m.version() + "/report/README.md");
        out.put("method", design.equals("walk-forward, the markets together")
                ? "walk-forward, the markets together (they share an era, so none can be held out with its "
                        + "period): " + periods.size() + " consecutive calendar periods, every market scored in each "
                        + "by the version's recipe trained on every market before it only (purged and embargoed by "
                        + "the label's look-ahead); 95% circular block-bootstrap intervals"
                : walkForward
                ? "walk-forward: " + e.path("folds").size() + " consecutive test periods of the market, each scored by "
                        + "the version's recipe trained on what came before it only (purged and embargoed by the "
                        + "label's look-ahead); 95% circular block-bootstrap intervals"
                : "leave-one-market-out: each market held out over its whole history and that period in "
                        + "every other market; 95% circular block-bootstrap intervals");
        for (JsonNode s : e.path("stratified")) {
            String name = s.path("name").asText();
            String key = name.startsWith("selected") ? "model" : name.startsWith("volatility") ? "volatility" : null;
            if (key != null) {
                ObjectNode o = out.putObject("stratified_" + key);
                o.set("rocAuc", s.get("rocAuc"));
                o.set("prAuc", s.get("prAuc"));
            }
        }
        out.set("pooledPrAucMinusVolatility", e.path("pooledComparisons").path("prVsVolatility"));
        JsonNode row = e.path("events").path("rows").path(0);
        JsonNode ev = row.path("events");
        double years = ev.path("scoredDays").asDouble() / 252;
        ObjectNode alarms = out.putObject("alarms");
        // The event tables' alarm: where alarms are chosen per preference it is no longer what is served.
        alarms.put("rule", "the network's own alarm at preference " + e.path("events").path("preference").asDouble()
                + ": its threshold chosen on calibration days where adopted, else 20-day volatility above its training "
                + "90th percentile" + (e.has("preferenceAlarms") ? " (what is served at each preference, and how it "
                + "did: preferenceAlarms)" : ""));
        alarms.put("onsets", ev.path("onsets").asInt());
        alarms.put("warned", ev.path("warned").asInt());
        alarms.set("warnedShareInterval", row.path("intervals").path("warnedShare"));
        alarms.put("falseEpisodesPerYear", ev.path("falseEpisodes").asDouble() / years);
        alarms.set("falseEpisodesPerYearInterval", row.path("intervals").path("falsePerYear"));
        alarms.put("alarmDaysPerYear", ev.path("alarmDays").asDouble() / years);
        alarms.put("scoredYears", years);
        alarms.put("skill", ev.path("signalAlarms").asDouble() / ev.path("signalDays").asDouble()
                - ev.path("quietAlarms").asDouble() / ev.path("quietDays").asDouble());
        alarms.set("skillInterval", row.path("intervals").path("skill"));
        alarms.put("falseAlarmDaysPerYear", ev.path("quietAlarms").asDouble() / years);
        alarms.set("falseAlarmDaysPerYearInterval", row.path("intervals").path("falseAlarmDaysPerYear"));
        JsonNode verdict = e.path("headlineVerdict");
        if (!verdict.isMissingNode()) {
            ObjectNode nulls = out.putObject("skillOfUninformativeAlarms");
            nulls.set("alwaysOn", verdict.get("alwaysOn"));
            nulls.set("evenlySpacedRuns", verdict.get("evenlySpaced"));
            nulls.set("calendar", verdict.get("calendar"));
            nulls.set("circularShifts95", verdict.get("shift95"));
            nulls.put("modelAboveEvery", verdict.path("skill").asDouble() > verdict.path("alwaysOn").asDouble()
                    && verdict.path("skill").asDouble() > verdict.path("evenlySpaced").asDouble()
                    && verdict.path("skill").asDouble() > verdict.path("calendar").asDouble()
                    && verdict.path("skill").asDouble() > verdict.path("shift95").asDouble());
        }
        JsonNode calm = e.path("calm");
        String calmWords = e.path("calmInWords").asText(null);
        if (!calm.isMissingNode()) {
            ObjectNode c = out.putObject("onsetsOutOfCalm");
            c.set("calmDays", calm.get("calmDays"));
            // As the event figures count onsets: those with a scored day in their warning period.
            c.put("onsets", ev.path("onsets").asInt());
            c.put("calmOnsets", row.path("calmOnsets").asInt());
            JsonNode model = calm.path("ranking").path(0);
            c.set("modelRocAuc", model.get("rocAuc"));
            c.set("modelRocAucInterval", model.get("rocAucInterval"));
            for (JsonNode k : calm.path("ranking")) {
                if (k.path("name").asText().startsWith("volatility")) {
                    c.set("volatilityRocAuc", k.get("rocAuc"));
                }
            }
            c.put("alarmWarned", row.path("calmWarned").asInt());
            c.set("circularShiftsWarned", e.path("events").path("shifts").path("calmWarnedShare"));
            c.put("inWords", calmWords);
        }
        if (e.has("probability")) {
            ObjectNode p = ((ObjectNode) e.get("probability")).deepCopy();
            p.remove("pooled");
            out.set("probability", p);
        }
        double mu = service.preference();
        ModelManifest.AlarmRule served = m.alarmAt(mu);
        JsonNode atPreference = null;
        for (JsonNode p : e.path("preferenceAlarms")) {
            if (p.path("preference").asDouble() == mu) {
                atPreference = p;
            }
        }
        if (atPreference != null) {
            // The alarm is chosen per preference: what it is at the default one, and how that recipe did held out.
            out.set("preferenceAlarms", e.get("preferenceAlarms"));
            out.put("alarmMeans", String.format(java.util.Locale.ROOT, "At the default preference %.1f: %s. %s%s",
                    mu, io.sysrisk.serving.ModelInfo.inWords(served), atPreference.path("inWords").asText(),
                    calmWords == null ? "" : " " + calmWords));
            return out;
        }
        String rule = m.alertsByVolatility()
                ? String.format(java.util.Locale.ROOT, "the index's 20-day volatility is at or above %.3f (the 90th "
                        + "percentile of the training days; the model's own threshold was not adopted)",
                m.alarm().threshold())
                : String.format(java.util.Locale.ROOT, "the model's probability is at or above %.4f",
                        m.alarm() != null ? m.alarm().threshold() : m.threshold());
        out.put("alarmMeans", String.format(java.util.Locale.ROOT, "An alert means %s. %s, the same recipe's alerts, "
                + "their rule chosen the same way on each fold, warned %d of %d fall onsets (%.0f%%) 5 to 60 trading "
                + "days ahead, with %.2f false alarm episodes and %.0f alarm days a year.%s", rule,
                walkForward ? "On each walk-forward fold's test period, trained on its past only"
                        : "On markets and eras held out", ev.path("warned").asInt(),
                ev.path("onsets").asInt(), 100.0 * ev.path("warned").asInt() / ev.path("onsets").asInt(),
                ev.path("falseEpisodes").asDouble() / years, ev.path("alarmDays").asDouble() / years,
                calmWords == null ? "" : " " + calmWords));
        return out;
    }

    /**
     * A term-structure version's evidence (issue 26): the design, and per horizon the pooled figures
     * ({@code termStructure}: days, windows, events, PR-AUC and ROC-AUC of the model and of volatility, their
     * paired differences with intervals, mean probability against the rate), the monotone count, in words.
     */
    private ObjectNode readTermStructureEvidence(ObjectNode out) {
        TermStructureEvidence.Result r = packaged("term-structure.json", EvidenceJson::readTermStructure);
        if (r == null) {
            return out;
        }
        out.put("design", r.design());
        out.put("mode", r.mode());
        out.set("horizons", EvidenceJson.tree(r.horizons()));
        out.put("servedHorizon", r.servedHorizon());
        out.put("answers", r.answers());
        out.put("decreasing", r.decreasing());
        out.set("termStructure", EvidenceJson.tree(r.pooled().stream().map(h -> {
            ObjectNode o = (ObjectNode) EvidenceJson.tree(h);
            ((ObjectNode) o.get("probabilities")).remove("reliability");
            return o;
        }).toList()));
        // Whether the served horizon's number is a probability out of sample, as the default's verdict reads.
        int served = r.horizons().indexOf(r.servedHorizon());
        java.util.Map<String, ProbabilityEvidence.Probabilities> byMarket = new java.util.LinkedHashMap<>();
        r.folds().forEach(f -> byMarket.put(f.market(), f.horizons().get(served).probabilities()));
        ProbabilityEvidence.Probabilities servedPooled = r.pooled().get(served).probabilities();
        ProbabilityEvidence.Verdict verdict = ProbabilityEvidence.Verdict.of(servedPooled, byMarket);
        out.set("probability", probability(verdict, servedPooled, java.util.List.of(servedPooled)));
        StringBuilder words = new StringBuilder();
        for (TermStructureEvidence.Horizon h : r.pooled()) {
            Interval iv = h.prVsVolatility().interval();
            words.append(String.format(java.util.Locale.ROOT, "%sWithin %d trading days the model's PR-AUC is "
                            + "%.3f against volatility's %.3f (difference %+.3f [%.3f, %.3f]): %s.",
                    words.length() == 0 ? "" : " ", h.days(), h.modelPrAuc(), h.volatilityPrAuc(),
                    h.prVsVolatility().estimate(), iv.low(), iv.high(), iv.low() > 0 ? "above volatility"
                            : iv.high() < 0 ? "below volatility" : "not distinguishable from volatility"));
        }
        // Onsets out of calm, per horizon: the windows before them against those without an onset within it.
        ArrayNode calm = out.putArray("calm");
        for (int k = 0; k < r.calm().size(); k++) {
            calm.addObject().put("days", r.horizons().get(k)).setAll(calm(r.calm().get(k)));
        }
        out.put("inWords", words.toString());
        // Each horizon as an alarm, beside the alarms that know nothing of the future (the report's tables).
        ArrayNode alarms = out.putArray("alarms");
        StringBuilder alarmWords = new StringBuilder();
        for (TermStructureEvidence.AlarmTable t : r.pooledAlarms()) {
            ObjectNode o = alarms.addObject();
            o.put("days", t.days());
            o.put("preference", t.preference());
            o.put("folds", t.folds());
            o.put("adopted", t.adopted());
            o.put("alarmedBy", t.alarmedBy());
            o.set("shifts", EvidenceJson.tree(t.shifts()));
            o.set("verdict", EvidenceJson.tree(t.verdict()));
            o.put("beatsNulls", t.beatsNulls());
            ArrayNode rows = o.putArray("rows");
            t.rows().forEach(x -> rows.add(eventRow(x)));
            Evidence.EventRow model = t.rows().get(0);
            Evidence.Verdict v = t.verdict();
            alarmWords.append(String.format(java.util.Locale.ROOT, "%sWithin %d trading days the alarm is %s: "
                            + "per-day skill %.3f [%.3f, %.3f], %d of %d onsets warned; %s.",
                    alarmWords.length() == 0 ? "" : " ", t.days(), t.alarmedBy(), v.skill(),
                    v.skillInterval().low(), v.skillInterval().high(), model.events().warned(),
                    model.events().onsets(), t.beatsNulls()
                            ? "no uninformative alarm (always on, evenly spaced runs, calendar, its circular "
                            + "shifts) reaches that skill"
                            : "an uninformative alarm (always on, evenly spaced runs, calendar or its circular "
                            + "shifts) reaches that skill"));
        }
        out.put("alarmsInWords", alarmWords.toString());
        ArrayNode folds = out.putArray("folds");
        for (TermStructureEvidence.Fold f : r.folds()) {
            ObjectNode fold = folds.addObject();
            fold.put("market", f.market());
            fold.put("period", f.period());
            fold.put("trainedOn", f.trainedOn());
            fold.set("horizons", EvidenceJson.tree(f.horizons()));
        }
        return out;
    }

    /**
     * Whether the served number is a probability (the study's verdict on its selected network, out of sample), in
     * words, and what each score level meant on the data held out: the observed onset rate per decile of the
     * network's scores ({@code observedRateByScore}), which the page shows instead when the number is not calibrated.
     */
    private ObjectNode probability(ProbabilityEvidence.Verdict verdict, ProbabilityEvidence.Probabilities served,
                                   java.util.List<ProbabilityEvidence.Probabilities> all) {
        ObjectNode p = json.createObjectNode();
        p.put("calibrated", verdict.calibrated());
        p.put("meaning", verdict.calibrated() ? "a probability, calibrated out of sample"
                : "a ranking of days, not a calibrated probability");
        p.put("inWords", verdict.inWords());
        p.put("reference", ProbabilityEvidence.REFERENCE);
        p.set("brierSkill", EvidenceJson.tree(verdict.brierSkill()));
        p.set("meanOverObservedByFold", EvidenceJson.tree(verdict.ratios()));
        p.put("band", String.format(java.util.Locale.ROOT, "%.1f-%.1f", ProbabilityEvidence.RATIO_LOW,
                ProbabilityEvidence.RATIO_HIGH));
        p.set("observedRateByScore", EvidenceJson.tree(served.reliability()));
        p.set("pooled", EvidenceJson.tree(all.stream().map(x -> {
            ObjectNode o = (ObjectNode) EvidenceJson.tree(x);
            o.remove("reliability");
            return o;
        }).toList()));
        return p;
    }

    /** The served model's committed report (markdown), or null. */
    public String reportText() {
        try (InputStream in = resource("README.md")) {
            return in == null ? null : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How a report file is read: the contract's readers, which name the source in their refusals. */
    @FunctionalInterface
    private interface ReportReader<T> {
        T read(InputStream in, String source) throws IOException;
    }

    /** The packaged report file {@code file} read by {@code reader}, or null when the version has none. */
    private <T> T packaged(String file, ReportReader<T> reader) {
        String source = "the packaged report of " + service.manifest().version() + " (" + file + ")";
        try (InputStream in = resource(file)) {
            return in == null ? null : reader.read(in, source);
        } catch (IOException e) {
            throw new UncheckedIOException(source + " cannot be read", e);
        }
    }

    /** An alarm row as the page shows it: the report's row without the lead of every warned onset. */
    private static ObjectNode eventRow(Evidence.EventRow x) {
        ObjectNode row = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        row.put("name", x.name());
        row.put("rule", x.rule());
        ObjectNode ev = (ObjectNode) EvidenceJson.tree(x.events());
        ev.remove("leads");
        row.set("events", ev);
        row.set("intervals", EvidenceJson.tree(x.intervals()));
        row.put("calmOnsets", x.calmOnsets());
        row.put("calmWarned", x.calmWarned());
        return row;
    }

    /** The onsets-out-of-calm figures as the page shows them: without the onsets' dates. */
    private static ObjectNode calm(CalmFigures c) {
        ObjectNode o = (ObjectNode) EvidenceJson.tree(c);
        o.remove("calmOnsetDates");
        return o;
    }

    /** Whether the served version's packaged report holds {@code file}. */
    private boolean has(String file) {
        try (InputStream in = resource(file)) {
            return in != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InputStream resource(String file) {
        return report.apply(file);
    }

    /**
     * The page's trimmed evidence from the served model's study, read through the evidence contract
     * ({@link EvidenceJson}: its schema version checked, every field typed); the term structure's own report as it is.
     */
    private ObjectNode readEvidence() {
        ObjectNode out = json.createObjectNode();
        if (service.manifest().horizons() != null) {
            return readTermStructureEvidence(out);
        }
        Evidence.Result r = packaged(has("lomo.json") ? "lomo.json" : "walk-forward.json", EvidenceJson::read);
        if (r == null) {
            return out;
        }
        out.put("design", r.design().toString());
        out.put("mode", r.mode());
        out.put("pooledWindows", r.pooledWindows());
        out.put("pooledPositives", r.pooledPositives());
        out.put("configurations", r.configurations());
        // The paper's comparison rows are the study's, not the served model's: they stay in their own object.
        out.set("pooled", EvidenceJson.tree(r.pooled().stream().filter(x -> !Evidence.paperRow(x.name())).toList()));
        out.set("stratified", EvidenceJson.tree(r.stratified().stream().filter(x -> !Evidence.paperRow(x.name()))
                .toList()));
        out.set("pooledComparisons", EvidenceJson.tree(r.pooledComparisons()));
        out.set("headlineVerdict", EvidenceJson.tree(r.headlineVerdict()));
        out.put("calmInWords", r.calmInWords());
        out.set("calm", calm(r.pooledCalm()));
        ArrayNode folds = out.putArray("folds");
        for (Evidence.FoldResult f : r.folds()) {
            ObjectNode fold = folds.addObject();
            fold.put("fold", f.fold());
            fold.put("market", f.market());
            fold.put("period", f.period());
            fold.put("windows", f.windows());
            fold.put("positives", f.positives());
            fold.put("trainedOn", f.trainedOn());
            ArrayNode scores = fold.putArray("scores");
            for (Evidence.ScoreResult sc : f.scores()) {
                if (Evidence.paperRow(sc.name())) {
                    continue;
                }
                ObjectNode score = scores.addObject();
                score.put("name", sc.name());
                score.set("rocAuc", EvidenceJson.tree(sc.rocAuc()));
                score.set("prAuc", EvidenceJson.tree(sc.prAuc()));
                score.put("rocAucEstimate", sc.metrics().rocAuc());
                score.put("prAucEstimate", sc.metrics().prAuc());
            }
        }
        Evidence.EventTable t = r.pooledEvents().get(Evidence.served());
        ObjectNode events = out.putObject("events");
        events.put("preference", t.preference());
        ArrayNode rows = events.putArray("rows");
        t.rows().stream().filter(x -> !Evidence.paperRow(x.name())).forEach(x -> rows.add(eventRow(x)));
        events.set("matchedRandom", EvidenceJson.tree(t.matchedRandom()));
        events.set("shifts", EvidenceJson.tree(t.shifts()));
        ProbabilityEvidence.Verdict verdict = r.probabilityVerdict();
        if (verdict != null) {
            out.set("probability", probability(verdict, r.probabilities(Evidence.MODEL), r.probabilities()));
        }
        ModelManifest served = service.manifest();
        if (r.preferenceAlarms() != null && served.alarms() != null && !served.alarms().isEmpty()) {
            // The alarm at each preference as served, judged on the held-out markets (the page's table and words);
            // a model trained before alarms were chosen per preference serves its one alarm, so not this recipe.
            ArrayNode prefs = out.putArray("preferenceAlarms");
            for (Evidence.PreferenceAlarms p : r.preferenceAlarms()) {
                ObjectNode o = (ObjectNode) EvidenceJson.tree(p);
                Evidence.FamilyAlarm best = p.family(p.bestSimple());
                o.put("inWords", String.format(java.util.Locale.ROOT, "At preference %.1f the served recipe's alarm "
                        + "had relative usefulness %+.3f [%+.3f, %+.3f] on the held-out markets (0: no better than "
                        + "never or always alarming), %s (%s: %+.3f).", p.preference(), p.selected().usefulness(),
                        p.selected().usefulnessInterval().low(), p.selected().usefulnessInterval().high(),
                        p.verdict(), best.family(), best.usefulness()));
                prefs.add(o);
            }
        }
        if (r.paperComparison() != null) {
            ObjectNode paper = (ObjectNode) EvidenceJson.tree(r.paperComparison());
            for (int i = 0; i < r.paperComparison().rows().size(); i++) {
                ((ObjectNode) paper.get("rows").get(i)).put("inWords", r.paperComparison().rows().get(i).inWords());
            }
            out.set("paperComparison", paper);
        }
        return out;
    }
}
