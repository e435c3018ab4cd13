package io.sysrisk.experiment;

import java.time.LocalDate;
import java.util.Locale;

import io.sysrisk.windows.PartEvents;

/**
 * The least a part must hold before anything is decided on it (early stopping on validation, Platt scaling and the
 * alarm threshold on calibration, figures on a test part): {@code minEvents} distinct events and
 * {@code minPositives} positive windows. Below it a job stops before training and writes nothing: a model
 * early-stopped on a part without events, or calibrated on three, would be served as if it had been checked.
 *
 * <p>The defaults, 5 events and 30 positive windows, are the smallest at which a threshold's usefulness and a
 * PR-AUC are more than one fall's accident; they are options ({@code --min-events}, {@code --min-positives}).
 */
public record DecisionFloor(int minEvents, int minPositives) {

    public static final int DEFAULT_MIN_EVENTS = 5;
    public static final int DEFAULT_MIN_POSITIVES = 30;

    public DecisionFloor {
        if (minEvents < 1 || minPositives < 1) {
            throw new IllegalArgumentException("--min-events and --min-positives must be at least 1, got "
                    + minEvents + " and " + minPositives);
        }
    }

    public static DecisionFloor defaults() {
        return new DecisionFloor(DEFAULT_MIN_EVENTS, DEFAULT_MIN_POSITIVES);
    }

    /**
     * Throws, with one line naming the part, its dates, its counts and what to do, when {@code held} is below this
     * floor ({@code IllegalArgumentException}: the CLI prints it as {@code error: ...} and exits 2).
     */
    public void check(String part, LocalDate from, LocalDate to, PartEvents held) {
        if (held.events() < minEvents || held.positives() < minPositives) {
            String days = from == null && to == null ? "" : " (windows ending " + (from == null ? "-" : from) + ".."
                    + (to == null ? "-" : to) + ")";
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the %s part%s holds "
                    + "%d distinct events and %d positive windows; a decision needs at least %d and %d "
                    + "(--min-events, --min-positives): give more history, a larger part (--validation-share; for "
                    + "the walk-forward report fewer --folds) or a label with more events (--label, "
                    + "--threshold); nothing was written",
                    part, days, held.events(), held.positives(),
                    minEvents, minPositives));
        }
    }
}
