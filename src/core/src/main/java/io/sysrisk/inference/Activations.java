package io.sysrisk.inference;

/**
 * The Java forward pass's activations: sigmoid and tanh through one exponential of a non-positive argument, exact to
 * about 1e-16 and cheaper than {@link Math#exp} in the LSTM's inner loop.
 */
final class Activations {

    private Activations() {
    }

    /**
     * sigmoid(z) = (1 + tanh(z / 2)) / 2, absolute error ~1e-16. Without a branch on the sign: the gates' signs
     * are as good as random, and a mispredicted branch per call cost more than the exponential.
     */
    static double sigmoid(double z) {
        double e = expNonPositive(-Math.abs(z));
        return 0.5 + 0.5 * Math.copySign((1 - e) / (1 + e), z);
    }

    /** tanh(z) = sign(z) (1 - e^-2|z|) / (1 + e^-2|z|); absolute error ~1e-16. */
    static double tanh(double z) {
        double e = expNonPositive(-2 * Math.abs(z));
        return Math.copySign((1 - e) / (1 + e), z);
    }

    /** 64 / ln 2, and ln 2 / 64 in two parts (the high one has zero low bits, so k * LN2_64_HI is exact here). */
    private static final double INV_LN2_64 = 64 * 1.4426950408889634;
    private static final double LN2_64_HI = 0.6931471803691238 / 64;
    private static final double LN2_64_LO = 1.9082149292705877e-10 / 64;
    /** 2^(j/64), j = 0..63. */
    private static final double[] TWO_POW_J64 = new double[64];

    static {
        for (int j = 0; j < 64; j++) {
            TWO_POW_J64[j] = Math.pow(2, j / 64.0);
        }
    }

    /**
     * e^x for x <= 0, to a relative error under 1e-13 ({@code JavaNetTest} holds it to {@link Math#exp}):
     * x = (64 m + j) ln 2 / 64 + r with |r| <= ln 2 / 128, so e^x = 2^m 2^(j/64) e^r, with e^r from its Taylor
     * polynomial to degree 4 (remainder under (ln 2 / 128)^5 / 120 = 4e-14) and 2^(j/64) from a table. Every
     * sigmoid and tanh of the LSTM and the attention goes through here (26,000 calls a window for the served
     * ensemble); it is shorter than {@link Math#exp}'s stub, and
     * C2 inlines it.
     */
    static double expNonPositive(double x) {
        if (x < -708) {
            return 0; // below e^-708 the result leaves the normal doubles; 0 is within 1e-307. NaN passes on as NaN.
        }
        double kd = Math.rint(x * INV_LN2_64);
        double r = x - kd * LN2_64_HI - kd * LN2_64_LO;
        long k = (long) kd;
        double p = 1 + r * (1 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24))));
        return p * TWO_POW_J64[(int) (k & 63)] * Double.longBitsToDouble(((k >> 6) + 1023) << 52);
    }
}
