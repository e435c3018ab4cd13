package io.sysrisk.research.evaluation;

import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * One circular block-bootstrap resample of consecutive segments (one per market): each segment is refilled to its
 * own length with blocks of {@code block} days starting at random, wrapping around its end, so the dependence within
 * a block survives and no block crosses two markets.
 */
public final class CircularBlocks {

    private CircularBlocks() {
    }

    /** Calls {@code visit} with each resampled index (into the concatenated segments), segment by segment. */
    public static void resample(int[] segments, int block, SplittableRandom random, IntConsumer visit) {
        int offset = 0;
        for (int length : segments) {
            int taken = 0;
            while (taken < length) {
                int start = random.nextInt(length);
                for (int k = 0; k < block && taken < length; k++, taken++) {
                    visit.accept(offset + (start + k) % length);
                }
            }
            offset += length;
        }
    }
}
