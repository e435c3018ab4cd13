package io.sysrisk.inference;

import java.util.List;

/**
 * A seed ensemble of identical networks with Platt calibration of the averaged probability.
 *
 * @param member           every member's architecture
 * @param seeds            one training seed per member, in member order
 * @param calibrationScale Platt scale a in logit' = a x logit(p) + b (1 and 0: uncalibrated)
 * @param calibrationShift Platt shift b
 */
public record EnsembleConfig(ModelConfig member, List<Integer> seeds, double calibrationScale,
                             double calibrationShift) {

    public EnsembleConfig {
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty() || !Double.isFinite(calibrationScale) || !Double.isFinite(calibrationShift)) {
            throw new IllegalArgumentException("an ensemble needs at least one member and a finite calibration");
        }
    }

    public int members() {
        return seeds.size();
    }

    public EnsembleConfig withCalibration(double scale, double shift) {
        return new EnsembleConfig(member, seeds, scale, shift);
    }
}
