package io.sysrisk.scoring;

import java.util.ArrayList;
import java.util.List;

import io.sysrisk.features.Feature;
import io.sysrisk.features.SystemicInput;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.inference.WindowScorer;

/**
 * How much each group of inputs moved one window's probability away from a baseline: the exact Shapley values of
 * the groups, where a group "absent" sits at the baseline. The baseline is every input at its training average on
 * every day of the window (normalized value 0, {@link io.sysrisk.windows.NormalizationStats}), so the shares add up
 * to the window's probability minus the baseline's, exactly (up to rounding). With g groups it costs 2^g forward
 * passes in one batch: 64 for the systemic model's six groups.
 *
 * @param baseline            the baseline in words
 * @param baselineProbability the model's probability at the baseline
 * @param probability         the window's probability
 * @param shares              one per group, in the model's channel order
 */
public record Attribution(String baseline, double baselineProbability, double probability, List<Share> shares) {

    /** What the baseline is, in words. */
    public static final String BASELINE = "every input at its training average on every day of the window";
    /** Most groups attributed exactly (2^g windows). */
    public static final int MAX_GROUPS = 10;

    /** One group's share: its id, in words, the channels it holds, and how much it moved the probability. */
    public record Share(String group, String words, List<String> channels, double contribution) {
    }

    /** A group of channels (indices into the model's channels) attributed together. */
    public record Group(String id, String words, List<Integer> channels) {
    }

    public Attribution {
        shares = List.copyOf(shares);
    }

    /**
     * The groups of {@code channels} (a model's, {@link io.sysrisk.store.ModelManifest.InputSpec#channels()}): a
     * model of the market's own data, each feature alone; a systemic model, the market's own features together and
     * each {@link SystemicInput.Group} of its systemic inputs.
     */
    public static List<Group> groups(List<String> features, List<String> systemicInputs) {
        List<Group> out = new ArrayList<>();
        if (systemicInputs.isEmpty()) {
            for (int j = 0; j < features.size(); j++) {
                out.add(new Group(features.get(j), "the market's " + Feature.fromId(features.get(j)).id(), List.of(j)));
            }
            return out;
        }
        List<Integer> own = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            own.add(j);
        }
        out.add(new Group("market", "the market's own closes (" + String.join(", ", features) + ")", own));
        for (SystemicInput.Group g : SystemicInput.Group.values()) {
            List<Integer> in = new ArrayList<>();
            List<String> words = new ArrayList<>();
            for (int k = 0; k < systemicInputs.size(); k++) {
                SystemicInput input = SystemicInput.fromId(systemicInputs.get(k));
                if (input.group() == g) {
                    in.add(features.size() + k);
                    words.add(input.words());
                }
            }
            if (!in.isEmpty()) {
                out.add(new Group(g.name().toLowerCase(java.util.Locale.ROOT), String.join("; ", words), in));
            }
        }
        return out;
    }

    /**
     * The attribution of one normalized window ({@code x}: {@code window} rows of {@code f} channels) to
     * {@code groups}, which must together hold every channel once.
     */
    public static Attribution of(float[] x, int window, int f, List<Group> groups, List<String> channels,
                                 WindowScorer model) {
        int g = groups.size();
        if (g == 0 || g > MAX_GROUPS) {
            throw new IllegalArgumentException("attribution over 1.." + MAX_GROUPS + " groups, got " + g);
        }
        boolean[] seen = new boolean[f];
        for (Group group : groups) {
            for (int c : group.channels()) {
                if (seen[c]) {
                    throw new IllegalArgumentException("channel " + c + " is in two groups");
                }
                seen[c] = true;
            }
        }
        for (int c = 0; c < f; c++) {
            if (!seen[c]) {
                throw new IllegalArgumentException("channel " + c + " is in no group");
            }
        }
        int coalitions = 1 << g;
        float[] batch = new float[coalitions * window * f];
        for (int s = 0; s < coalitions; s++) {
            for (int k = 0; k < g; k++) {
                if ((s & (1 << k)) == 0) {
                    continue; // absent: the baseline, 0
                }
                for (int c : groups.get(k).channels()) {
                    for (int t = 0; t < window; t++) {
                        batch[s * window * f + t * f + c] = x[t * f + c];
                    }
                }
            }
        }
        List<WindowScore> scores = WindowScorer.scoreAll(model, batch, window, f, coalitions);
        double[] v = new double[coalitions];
        for (int s = 0; s < coalitions; s++) {
            v[s] = scores.get(s).probability();
        }
        // Shapley weight of a coalition of size m not holding the group: m! (g - m - 1)! / g!
        double[] weight = new double[g];
        for (int m = 0; m < g; m++) {
            weight[m] = factorial(m) * factorial(g - m - 1) / factorial(g);
        }
        List<Share> shares = new ArrayList<>(g);
        for (int k = 0; k < g; k++) {
            double phi = 0;
            for (int s = 0; s < coalitions; s++) {
                if ((s & (1 << k)) == 0) {
                    phi += weight[Integer.bitCount(s)] * (v[s | (1 << k)] - v[s]);
                }
            }
            Group group = groups.get(k);
            shares.add(new Share(group.id(), group.words(), group.channels().stream().map(channels::get).toList(),
                    phi));
        }
        return new Attribution(BASELINE, v[0], v[coalitions - 1], shares);
    }

    private static double factorial(int n) {
        double out = 1;
        for (int i = 2; i <= n; i++) {
            out *= i;
        }
        return out;
    }
}
