package io.sysrisk.serving;

import java.util.List;

import io.sysrisk.data.InputKind;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.store.ModelManifest;

/**
 * What GET /model tells a client: what to send, what the answer means, how the alert is decided ({@code alarm}: the
 * rule at the model's default preference, as its manifest records it; {@code alarms}: every preference a request may
 * ask for, with its rule in words, and the function's default), and how good the model was on test data.
 * {@code horizons}: a term-structure model's horizons in trading days (each answer's {@code termStructure} keys;
 * {@code probability} is the label's own horizon's), absent for one horizon. {@code systemic}: what a systemic
 * model reads beyond the market's data ({@link Systemic}).
 */
public record ModelInfo(String version, String createdAt, String architecture, InputKind inputKind,
                        List<String> columns, String indexColumn, List<String> features, int window, int lookbackDays,
                        int requiredDays, LabelDefinition label, String labelDescription,
                        @com.fasterxml.jackson.annotation.JsonInclude(
                                com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                        List<Integer> horizons, double threshold,
                        String testPeriod, Metrics testMetrics, Metrics alwaysNegative, Metrics persistence,
                        int ensembleMembers, String evidence, ModelManifest.AlarmRule alarm, Alarms alarms,
                        String parametersSha256,
                        @com.fasterxml.jackson.annotation.JsonInclude(
                                com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                        com.fasterxml.jackson.databind.JsonNode outOfSample,
                        @com.fasterxml.jackson.annotation.JsonInclude(
                                com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                        Systemic systemic) {

    /**
     * What a systemic model reads besides the market's own data: its inputs (ids and words), the state it carries
     * ({@code stateFrom..stateTo}: dates a request's windows must lie in), when a market reads it, and the series the
     * state was computed from ({@code series}: its files). {@code send}: the series a request may carry as its
     * {@code system} to be scored on its own state (any date, after the carried state's end too), each by the name
     * to send it under; empty where the version does not record them. {@code markets}: the markets the version
     * carries, which a request may name in {@code embedded} instead of sending their closes (absent where it carries
     * none). Absent for a model of the market's own data.
     */
    public record Systemic(List<String> inputs, List<String> inWords, String stateFrom, String stateTo,
                           String reads, List<String> series, List<Sent> send,
                           @com.fasterxml.jackson.annotation.JsonInclude(
                                   com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                           List<ModelManifest.CarriedMarket> markets) {
        /** One series a request's {@code system.series} carries: its key, what it is, when it is known. */
        public record Sent(String name, String role, String session, String about) {
        }

        static Systemic of(ModelManifest.InputSpec in) {
            if (!in.systemic() || in.systemicState() == null) {
                return null;
            }
            ModelManifest.SystemicStateFile f = in.systemicState();
            return new Systemic(in.systemicInputs(), in.systemicInputs().stream()
                    .map(id -> io.sysrisk.features.SystemicInput.fromId(id).words()).toList(), f.firstDate(),
                    f.lastDate(), "on each day, the state of the day before: a day's state is complete only after "
                    + "the US close (" + f.stamp() + "), later than any market's own close",
                    f.sources().stream().map(d -> d.name() + " (" + d.cleaning() + ")").toList(),
                    f.series().stream().filter(x -> x.role() != io.sysrisk.features.SystemicSeries.Role.VIX_REFERENCE)
                            .map(x -> new Sent(x.role() == io.sysrisk.features.SystemicSeries.Role.MEMBERS
                                    ? x.name() + io.sysrisk.features.SystemicSeries.MEMBER_SEPARATOR + "<ticker>"
                                    : x.name(), x.role().name().toLowerCase(java.util.Locale.ROOT),
                                    x.session().name(), x.about())).toList(),
                    f.markets() == null ? null : f.markets().markets());
        }
    }

    /**
     * The alarms a request may ask for: {@code preference} is the one a request gets when it names none (the
     * function's setting {@code sysrisk.alarm.preference}); each offered one's rule, in words.
     */
    public record Alarms(double preference, List<Offered> offered) {
    }

    /** The alarm at one preference: the family it reads ({@code by}, "none": no alarm), its threshold, in words. */
    public record Offered(double preference, String by, double threshold, String inWords) {
    }

    /** The alarms {@code m} offers, {@code preference} the default one. */
    public static Alarms alarms(ModelManifest m, double preference) {
        List<Offered> offered = m.preferences().stream().map(mu -> {
            ModelManifest.AlarmRule rule = m.alarmAt(mu);
            return new Offered(mu, rule.by(), rule.threshold(), inWords(rule));
        }).toList();
        return new Alarms(preference, offered);
    }

    /** A rule in words, as the page says it. */
    public static String inWords(ModelManifest.AlarmRule rule) {
        return switch (rule.family()) {
            case NONE -> "no alarm, since no rule was shown on the training data to be more useful than never "
                    + "alarming at this preference";
            case MODEL -> String.format(java.util.Locale.ROOT, "alert when the model's score is at least %.3f",
                    rule.threshold());
            case VOLATILITY -> String.format(java.util.Locale.ROOT, "alert when 20-day volatility is at least %.1f%%",
                    100 * rule.threshold());
            case DRAWDOWN_MEMORY -> String.format(java.util.Locale.ROOT, "alert for %.0f trading days after a close "
                    + "7%% below its 20-day high", -rule.threshold());
            case WORST_DRAWDOWN -> String.format(java.util.Locale.ROOT, "alert while the index has fallen at least "
                    + "%.1f%% below a peak within the last 120 trading days", 100 * rule.threshold());
            case TRAILING_RETURN -> String.format(java.util.Locale.ROOT, "alert while the index is at least %.1f%% "
                    + "below its level 250 trading days ago", 100 * rule.threshold());
        };
    }

    public static ModelInfo of(ModelManifest m, String parametersSha256) {
        return of(m, parametersSha256, null, m.defaultPreference());
    }

    /**
     * @param outOfSample the committed report's headline figures and what an alert means in words (the REST build
     *                    reads them from the packaged report; null without one)
     */
    public static ModelInfo of(ModelManifest m, String parametersSha256,
                               com.fasterxml.jackson.databind.JsonNode outOfSample, double preference) {
        ModelManifest.InputSpec in = m.input();
        ModelManifest.PartInfo test = m.parts() == null ? null : m.parts().get("test");
        return new ModelInfo(m.version(), m.createdAt(), m.architecture(), in.kind(), in.columns(), in.indexColumn(),
                in.features(), in.window(), in.lookbackDays(), in.requiredDays(), m.label(), m.label().describe(),
                m.horizons(), m.threshold(), test == null ? null : test.firstWindowEnd() + ".." + test.lastWindowEnd(),
                m.metrics() == null ? null : m.metrics().test(),
                m.metrics() == null ? null : m.metrics().alwaysNegative(),
                m.metrics() == null ? null : m.metrics().persistence(),
                m.ensemble() == null ? 1 : m.ensemble().config().members(),
                m.isOneMarket() ? "walk-forward report (a model of one market): model-store/" + m.version()
                        + "/report/README.md, made by ./mvnw -q -Preport -Dsysrisk.args=\"--version " + m.version()
                        + "\" (add --csv with your file)"
                        : m.isPooled() ? (outOfSample != null && outOfSample.path("method").asText()
                        .startsWith("walk-forward") ? "walk-forward report (markets that share an era): "
                        : "leave-one-market-out report: ") + "model-store/" + m.version() + "/report/README.md"
                        : "test part: testMetrics", m.alarm(), alarms(m, preference), parametersSha256, outOfSample,
                Systemic.of(in));
    }
}
