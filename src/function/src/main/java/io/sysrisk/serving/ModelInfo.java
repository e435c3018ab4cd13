package io.sysrisk.serving;

import java.util.List;

import io.sysrisk.data.InputKind;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.store.ModelManifest;

/**
 * What GET /model tells a client: what to send, what the answer means, how the alert is decided ({@code alarm}: by
 * the model's adopted threshold, or by the reference volatility rule when it was not adopted), and how good the
 * model was on test data. {@code horizons}: a term-structure model's horizons in trading days (each answer's
 * {@code termStructure} keys; {@code probability} is the label's own horizon's), absent for one horizon.
 */
public record ModelInfo(String version, String createdAt, String architecture, InputKind inputKind,
                        List<String> columns, String indexColumn, List<String> features, int window, int lookbackDays,
                        int requiredDays, LabelDefinition label, String labelDescription,
                        @com.fasterxml.jackson.annotation.JsonInclude(
                                com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                        List<Integer> horizons, double threshold,
                        String testPeriod, Metrics testMetrics, Metrics alwaysNegative, Metrics persistence,
                        int ensembleMembers, String evidence, ModelManifest.AlarmRule alarm,
                        String parametersSha256,
                        @com.fasterxml.jackson.annotation.JsonInclude(
                                com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                        com.fasterxml.jackson.databind.JsonNode outOfSample) {

    public static ModelInfo of(ModelManifest m, String parametersSha256) {
        return of(m, parametersSha256, null);
    }

    /**
     * @param outOfSample the committed report's headline figures and what an alert means in words (the REST build
     *                    reads them from the packaged report; null without one)
     */
    public static ModelInfo of(ModelManifest m, String parametersSha256,
                               com.fasterxml.jackson.databind.JsonNode outOfSample) {
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
                        : "test part: testMetrics", m.alarm(), parametersSha256, outOfSample);
    }
}
