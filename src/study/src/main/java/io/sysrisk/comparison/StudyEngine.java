package io.sysrisk.comparison;

import java.util.List;
import java.util.function.Supplier;

/**
 * Where a study's units ({@link StudyUnit}) run. {@link #SEQUENTIAL} runs each in this JVM when its outcome is
 * asked for, in the study's order, as the study always did; a Spark engine ({@code io.sysrisk.spark}) starts them
 * all on its executors and hands each outcome over as it arrives. The study judges the outcomes in its own order
 * either way, so the report is the same whatever runs the units and in whatever order they finish.
 */
public interface StudyEngine {

    /** Units {@code 0..count-1} of {@code units}; each supplier blocks until its unit's outcome is there. */
    List<Supplier<StudyUnit.Outcome>> start(int count, StudyUnit.Units units);

    /** This engine, handing each outcome to {@code seen} too as the study takes it (for timings). */
    default StudyEngine observed(java.util.function.Consumer<StudyUnit.Outcome> seen) {
        StudyEngine inner = this;
        return new StudyEngine() {
            @Override
            public List<Supplier<StudyUnit.Outcome>> start(int count, StudyUnit.Units units) {
                return inner.start(count, units).stream().<Supplier<StudyUnit.Outcome>>map(s -> () -> {
                    StudyUnit.Outcome o = s.get();
                    seen.accept(o);
                    return o;
                }).toList();
            }

            @Override
            public boolean inThisJvm() {
                return inner.inThisJvm();
            }
        };
    }

    /** Whether the units run in this JVM (then the study need not be rebuildable elsewhere). */
    default boolean inThisJvm() {
        return false;
    }

    /** Each unit in this JVM, computed when its outcome is asked for. */
    StudyEngine SEQUENTIAL = new StudyEngine() {
        @Override
        public List<Supplier<StudyUnit.Outcome>> start(int count, StudyUnit.Units units) {
            return java.util.stream.IntStream.range(0, count)
                    .<Supplier<StudyUnit.Outcome>>mapToObj(i -> () -> units.run(i)).toList();
        }

        @Override
        public boolean inThisJvm() {
            return true;
        }
    };
}
