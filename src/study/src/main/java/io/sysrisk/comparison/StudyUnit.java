package io.sysrisk.comparison;

import java.io.Serializable;
import java.util.List;

import io.sysrisk.research.evidence.Evidence;

/**
 * One unit of a leave-one-market-out study, as a {@link StudyEngine} runs it: outer fold {@code index}'s trainings
 * ({@link FoldTrainings}), or, for the index after the last fold, the served recipe's selection over every market.
 * Units are independent of each other: each seeds every training it makes.
 */
public final class StudyUnit {

    private StudyUnit() {
    }

    /**
     * What a unit computed: exactly one of {@code fold} and {@code served}; the lines it logged (printed where the
     * study runs, in the order of the units); its wall time; and where it ran (a host and JVM, for the timings).
     */
    public record Outcome(int index, FoldTrainings fold, Evidence.Selection served, List<String> log,
                          double seconds, String ranOn) implements Serializable {
    }

    /** What the engine needs to run units: here ({@link #run}), or rebuilt elsewhere from {@link #spec}. */
    public interface Units {
        /** Unit {@code index}, computed in this JVM, logging as it goes. */
        Outcome run(int index);

        /** How to rebuild the study in another JVM; null when it cannot be (it reads data only this JVM has). */
        StudySpec spec();

        /** A name for unit {@code index}, for progress lines. */
        String name(int index);
    }

    /** Where this JVM runs: host and process id. */
    public static String here() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
    }
}
