package io.sysrisk.experiment;

import java.time.LocalDate;
import java.util.List;

import io.sysrisk.features.Feature;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.windows.NormalizationStats;

/**
 * The default experiment: one model trained on every embedded market's closes at once (pooled), with scale-free
 * features and onset labels, optionally with one market (or one period of it) held out for testing.
 *
 * @param name            experiment and default model version name
 * @param featureIds      the model's inputs, in order
 * @param label           what counts as an event
 * @param window          window length in trading days
 * @param validationShare share of each market's training windows, its latest, used for validation
 * @param trainStride     keep every n-th training window (neighbouring windows share all but one day)
 * @param clip            normalization clip, in standard deviations
 * @param heldOut         the test part, or null (the served model: every market is training or validation)
 * @param horizons        null: one label. Else a term structure (issue 26): the label's fall starting within each
 *                        of these trading days ({@code OnsetTermStructure}), one mask for all, and every embargo the
 *                        longest horizon's ({@link #lookahead})
 * @param systemicInputs  {@link io.sysrisk.features.SystemicInput} ids read after the features, each market reading
 *                        the systemic state as of its close ({@link io.sysrisk.features.SystemicState#forMarket});
 *                        empty: the market's own closes only (every model before the systemic panel)
 */
public record PooledConfig(String name, List<String> featureIds, LabelDefinition label, int window,
                           double validationShare, int trainStride, double clip, HeldOut heldOut,
                           @com.fasterxml.jackson.annotation.JsonInclude(
                                   com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                           List<Integer> horizons,
                           @com.fasterxml.jackson.annotation.JsonInclude(
                                   com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                           List<String> systemicInputs) {

    public PooledConfig(String name, List<String> featureIds, LabelDefinition label, int window,
                        double validationShare, int trainStride, double clip, HeldOut heldOut) {
        this(name, featureIds, label, window, validationShare, trainStride, clip, heldOut, null, List.of());
    }

    public PooledConfig(String name, List<String> featureIds, LabelDefinition label, int window,
                        double validationShare, int trainStride, double clip, HeldOut heldOut,
                        List<Integer> horizons) {
        this(name, featureIds, label, window, validationShare, trainStride, clip, heldOut, horizons, List.of());
    }

    public static final String DEFAULT_NAME = "any-index";

    /**
     * The test part: market {@code market} from {@code from} to {@code to} (inclusive). No training or validation
     * window of any market may read a day of that period, through its features or its label: markets of one era
     * share their crises, so this makes the test cross-era as well as cross-market.
     */
    public record HeldOut(String market, LocalDate from, LocalDate to) {
        public HeldOut {
            if (market == null || from == null || to == null || to.isBefore(from)) {
                throw new IllegalArgumentException("held-out market and period needed, got " + market + " " + from
                        + ".." + to);
            }
        }
    }

    public PooledConfig {
        featureIds = List.copyOf(featureIds);
        systemicInputs = systemicInputs == null ? List.of() : List.copyOf(systemicInputs);
        systemicInputs.forEach(io.sysrisk.features.SystemicInput::fromId);
        if (window < 1 || !(validationShare > 0 && validationShare < 1) || trainStride < 1 || !(clip > 0)) {
            throw new IllegalArgumentException("invalid pooled experiment: window " + window + ", validation share "
                    + validationShare + ", train stride " + trainStride + ", clip " + clip);
        }
        if (horizons != null) {
            horizons = List.copyOf(horizons);
            if (!(label instanceof LabelDefinition.Onset o) || !horizons.contains(o.horizon())) {
                throw new IllegalArgumentException("a term structure needs the onset label and its own window among "
                        + "the horizons (the served probability is that horizon's), got " + label.describe()
                        + " and horizons " + horizons);
            }
            for (int k = 0; k < horizons.size(); k++) {
                if (horizons.get(k) < 1 || k > 0 && horizons.get(k) <= horizons.get(k - 1)) {
                    throw new IllegalArgumentException("horizons must be at least 1 day and strictly ascending, got "
                            + horizons);
                }
            }
        }
    }

    /**
     * Trading days after a window's last day that its label reads: the embargo between parts. A term structure
     * reads its longest horizon plus the fall's own window.
     */
    public int lookahead() {
        return horizons == null ? label.lookahead() : horizons.get(horizons.size() - 1) + label.horizon();
    }

    /** The horizon whose probability is served as {@code probability}: the label's own (index into horizons). */
    public int servedHorizonIndex() {
        return horizons == null ? 0 : horizons.indexOf(label.horizon());
    }

    public PooledConfig withHorizons(List<Integer> h) {
        return new PooledConfig(name, featureIds, label, window, validationShare, trainStride, clip, heldOut, h,
                systemicInputs);
    }

    /** The default: close-only features, a fall of more than 7% within 20 days, 60-day windows. */
    public static PooledConfig defaults() {
        return new PooledConfig(DEFAULT_NAME, Feature.CLOSE_ONLY.stream().map(Feature::id).toList(),
                new LabelDefinition.Onset(20, 0.07), 60, 0.2, 2, NormalizationStats.DEFAULT_CLIP, null);
    }

    public PooledConfig withHeldOut(HeldOut h) {
        return new PooledConfig(name, featureIds, label, window, validationShare, trainStride, clip, h, horizons,
                systemicInputs);
    }

    public PooledConfig withLabel(LabelDefinition l) {
        return new PooledConfig(name, featureIds, l, window, validationShare, trainStride, clip, heldOut, horizons,
                systemicInputs);
    }

    public PooledConfig withWindow(int w) {
        return new PooledConfig(name, featureIds, label, w, validationShare, trainStride, clip, heldOut, horizons,
                systemicInputs);
    }

    public PooledConfig withFeatures(List<String> ids) {
        return new PooledConfig(name, ids, label, window, validationShare, trainStride, clip, heldOut, horizons,
                systemicInputs);
    }

    public PooledConfig withValidationShare(double share) {
        return new PooledConfig(name, featureIds, label, window, share, trainStride, clip, heldOut, horizons,
                systemicInputs);
    }

    /** This experiment reading the systemic inputs {@code ids} after its features (empty: none). */
    public PooledConfig withSystemicInputs(List<String> ids) {
        return new PooledConfig(name, featureIds, label, window, validationShare, trainStride, clip, heldOut, horizons,
                ids);
    }

    /** Whether the model reads the systemic state besides the market's own closes. */
    public boolean systemic() {
        return !systemicInputs.isEmpty();
    }

    public PooledConfig withName(String n) {
        return new PooledConfig(n, featureIds, label, window, validationShare, trainStride, clip, heldOut, horizons,
                systemicInputs);
    }
}
