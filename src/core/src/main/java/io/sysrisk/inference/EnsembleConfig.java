package io.sysrisk.inference;

import java.util.List;

/**
 * A seed ensemble of identical networks with Platt calibration of the averaged probability.
 *
 * @param member           every member's architecture
 * @param seeds            one training seed per member, in member order
 * @param calibrationScale Platt scale a in logit' = a x logit(p) + b (1 and 0: uncalibrated)
 * @param calibrationShift Platt shift b
 * @param hazards          null for one output. A term structure (issue 26): one Platt scale and shift per interval,
 *                         applied to the members' mean hazard of that interval (fitted on its risk set of the
 *                         calibration part); the cumulative curve stays non-decreasing whatever they are.
 *                         {@code calibrationScale} and {@code calibrationShift} are then 1 and 0
 */
public record EnsembleConfig(ModelConfig member, List<Integer> seeds, double calibrationScale,
                             double calibrationShift,
                             @com.fasterxml.jackson.annotation.JsonInclude(
                                     com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                             List<Calibration> hazards) {

    /** One Platt scale and shift. */
    public record Calibration(double scale, double shift) {
        public Calibration {
            if (!Double.isFinite(scale) || !Double.isFinite(shift)) {
                throw new IllegalArgumentException("a calibration must be finite, got " + scale + ", " + shift);
            }
        }
    }

    public EnsembleConfig(ModelConfig member, List<Integer> seeds, double calibrationScale, double calibrationShift) {
        this(member, seeds, calibrationScale, calibrationShift, null);
    }

    public EnsembleConfig {
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty() || !Double.isFinite(calibrationScale) || !Double.isFinite(calibrationShift)) {
            throw new IllegalArgumentException("an ensemble needs at least one member and a finite calibration");
        }
        if (hazards != null) {
            hazards = List.copyOf(hazards);
        }
        if ((hazards == null ? 1 : hazards.size()) != member.outputs()) {
            throw new IllegalArgumentException("the members give " + member.outputs() + " output(s), the ensemble "
                    + "calibrates " + (hazards == null ? 1 : hazards.size()));
        }
    }

    public int members() {
        return seeds.size();
    }

    public EnsembleConfig withCalibration(double scale, double shift) {
        return new EnsembleConfig(member, seeds, scale, shift, hazards);
    }

    /** This ensemble with one calibration per interval of its members' term structure. */
    public EnsembleConfig withHazardCalibration(List<Calibration> perInterval) {
        return new EnsembleConfig(member, seeds, 1, 0, perInterval);
    }

    /** The identity calibration of every interval (before fitting). */
    public static List<Calibration> uncalibrated(int intervals) {
        return java.util.Collections.nCopies(intervals, new Calibration(1, 0));
    }
}
