package io.sysrisk.cli;

import java.time.LocalDate;

import picocli.CommandLine.Option;

/**
 * The split dates of a named single-market experiment, for {@code summary} only: every model trains in the default's
 * shape (the latest {@code --validation-share} of its windows for validation and calibration, no test part), so
 * {@code train} has no such options.
 */
public class SplitDates {

    @Option(names = "--validation-start", description = "summary of a named single-market experiment: first window "
            + "end date of the validation part (YYYY-MM-DD).")
    LocalDate validationStart;

    @Option(names = "--test-start", description = "summary of a named single-market experiment: first window end "
            + "date of the test part.")
    LocalDate testStart;

    @Option(names = "--test-end", description = "summary of a named single-market experiment: last window end date "
            + "of the test part (default: the last labelled day).")
    LocalDate testEnd;

    /** Whether any date was given. */
    boolean any() {
        return validationStart != null || testStart != null || testEnd != null;
    }
}
