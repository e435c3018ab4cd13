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
 */
public record PooledConfig(String name, List<String> featureIds, LabelDefinition label, int window,
                           double validationShare, int trainStride, double clip, HeldOut heldOut) {

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
        if (window < 1 || !(validationShare > 0 && validationShare < 1) || trainStride < 1 || !(clip > 0)) {
            throw new IllegalArgumentException("invalid pooled experiment: window " + window + ", validation share "
                    + validationShare + ", train stride " + trainStride + ", clip " + clip);
        }
    }

    /** The default: close-only features, a fall of more than 7% within 20 days, 60-day windows. */
    public static PooledConfig defaults() {
        return new PooledConfig(DEFAULT_NAME, Feature.CLOSE_ONLY.stream().map(Feature::id).toList(),
                new LabelDefinition.Onset(20, 0.07), 60, 0.2, 2, NormalizationStats.DEFAULT_CLIP, null);
    }

    public PooledConfig withHeldOut(HeldOut h) {
        return new PooledConfig(name, featureIds, label, window, validationShare, trainStride, clip, h);
    }

    public PooledConfig withLabel(LabelDefinition l) {
        return new PooledConfig(name, featureIds, l, window, validationShare, trainStride, clip, heldOut);
    }

    public PooledConfig withWindow(int w) {
        return new PooledConfig(name, featureIds, label, w, validationShare, trainStride, clip, heldOut);
    }

    public PooledConfig withFeatures(List<String> ids) {
        return new PooledConfig(name, ids, label, window, validationShare, trainStride, clip, heldOut);
    }

    public PooledConfig withValidationShare(double share) {
        return new PooledConfig(name, featureIds, label, window, share, trainStride, clip, heldOut);
    }

    public PooledConfig withName(String n) {
        return new PooledConfig(n, featureIds, label, window, validationShare, trainStride, clip, heldOut);
    }
}
