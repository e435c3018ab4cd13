package io.sysrisk.research.experiment;

import java.util.SplittableRandom;

import io.sysrisk.data.Market;

/**
 * The positive control's input: an extra channel with known information beyond volatility, to check that the
 * training, selection and evidence machinery can find information when there is some. On day t it is the day's own
 * label plus Gaussian noise, {@code y_t + noise x N(0, 1)} (noise alone on days without a label: masked, or too
 * late to know), so it <em>reads the future by construction</em>: it exists only in this research check, never in a
 * model that is trained for use or served. With {@code shuffled} the same values are permuted in time within each
 * market (a seeded permutation): the same distribution, no timing, so no information; the machinery must not find
 * that one.
 *
 * @param noise    standard deviation of the noise, in units of the label's 0/1 step (1: a separation d' = 1)
 * @param shuffled permute the values in time within each market
 * @param seed     seeds the noise and the permutation (per market, mixed with its name)
 */
public record PlantedInput(double noise, boolean shuffled, long seed) implements java.io.Serializable {

    public static final String COLUMN = "planted";

    public PlantedInput {
        if (!(noise > 0)) {
            throw new IllegalArgumentException("the planted input's noise must be positive, got " + noise);
        }
    }

    /** The channel's name in a report and in the window sets' column list. */
    public String name() {
        return COLUMN + (shuffled ? "-shuffled" : "");
    }

    /** The planted value on every day of {@code market}, whose labels are {@code labels}. */
    public double[] column(Market market, int[] labels) {
        SplittableRandom random = new SplittableRandom(seed ^ market.name().hashCode());
        double[] v = new double[labels.length];
        for (int t = 0; t < v.length; t++) {
            v[t] = (labels[t] == 1 ? 1 : 0) + noise * gaussian(random);
        }
        if (shuffled) {
            for (int t = v.length - 1; t > 0; t--) {
                int j = random.nextInt(t + 1);
                double x = v[t];
                v[t] = v[j];
                v[j] = x;
            }
        }
        return v;
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
