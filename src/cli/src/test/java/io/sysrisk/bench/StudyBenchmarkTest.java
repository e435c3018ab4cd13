package io.sysrisk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The wall-time model's schedule: longest unit first, each to the least loaded executor. */
class StudyBenchmarkTest {

    @Test
    void theScheduleIsLongestFirstAndTheLongestUnitBoundsIt() {
        List<Double> units = List.of(3.0, 5.0, 3.0, 4.0, 3.0);
        assertEquals(18.0, StudyBenchmark.schedule(units, 1), 1e-12, "one executor: the sum");
        // 5 | 4; 3 -> 4+3=7; 3 -> 5+3=8; 3 -> 7+3=10.
        assertEquals(10.0, StudyBenchmark.schedule(units, 2), 1e-12);
        assertEquals(5.0, StudyBenchmark.schedule(units, 5), 1e-12, "a unit each: the longest");
        assertEquals(5.0, StudyBenchmark.schedule(units, 64), 1e-12, "more executors than units change nothing");
    }
}
