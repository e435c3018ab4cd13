package io.sysrisk.windows;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Train / validation / test by the date a window ends (its scored day t): train before {@code validationStart},
 * validation from it to before {@code testStart}, test from {@code testStart} to {@code testEnd} (null: the last
 * labelled day). The last {@code embargo} days of train and of validation are left out, so no label of an earlier
 * part reads a day of the next part; {@link SplitIndices} checks that {@code embargo} is at least the label horizon.
 */
public record ChronologicalSplit(@JsonFormat(pattern = "yyyy-MM-dd") LocalDate validationStart,
                                 @JsonFormat(pattern = "yyyy-MM-dd") LocalDate testStart,
                                 @JsonFormat(pattern = "yyyy-MM-dd") LocalDate testEnd,
                                 int embargo) {
    public ChronologicalSplit {
        if (validationStart == null || testStart == null || !testStart.isAfter(validationStart)) {
            throw new IllegalArgumentException("need validationStart < testStart, got " + validationStart + ", " + testStart);
        }
        if (testEnd != null && !testEnd.isAfter(testStart)) {
            throw new IllegalArgumentException("testEnd " + testEnd + " must come after testStart " + testStart);
        }
        if (embargo < 0) {
            throw new IllegalArgumentException("embargo must be >= 0, got " + embargo);
        }
    }
}
