package io.sysrisk.data;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One observed daily series on its own dates (a gap is a day without a value, never a filled one), with the
 * {@link Session} its values become known in. The systemic inputs read such series as of a moment
 * ({@link #indexAt}), so a series of another time zone or calendar is never read before it was known.
 *
 * @param name    the series' name (a column of the panel, e.g. {@code FTSE100})
 * @param session when on its date a value is known
 * @param dates   strictly increasing
 * @param values  one finite value per date
 */
public record DatedSeries(String name, Session session, List<LocalDate> dates, double[] values) {

    public DatedSeries {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(session, "session");
        dates = List.copyOf(dates);
        values = values.clone();
        if (dates.size() != values.length) {
            throw new IllegalArgumentException(name + ": " + dates.size() + " dates but " + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + ": value on " + dates.get(i) + " is " + values[i]);
            }
            if (i > 0 && !dates.get(i).isAfter(dates.get(i - 1))) {
                throw new IllegalArgumentException(name + ": date " + dates.get(i) + " does not follow "
                        + dates.get(i - 1));
            }
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public double value(int i) {
        return values[i];
    }

    public int size() {
        return values.length;
    }

    /**
     * The index of the last value known at {@code date} in session {@code at}, or -1 if none: the value of
     * {@code date} itself only when this series' session is not later than {@code at}.
     */
    public int indexAt(LocalDate date, Session at) {
        int i = java.util.Collections.binarySearch(dates, date);
        if (i >= 0) {
            return session.knownAt(date, date, at) ? i : i - 1;
        }
        return -i - 2;
    }

    /** This series cut to the values known at {@code date} in session {@code at}: what a reader then could see. */
    public DatedSeries knownAt(LocalDate date, Session at) {
        int n = indexAt(date, at) + 1;
        return new DatedSeries(name, session, dates.subList(0, n), Arrays.copyOf(values, n));
    }

    /** This series' values dated {@code from..to} (inclusive). */
    public DatedSeries between(LocalDate from, LocalDate to) {
        int a = java.util.Collections.binarySearch(dates, from);
        a = a >= 0 ? a : -a - 1;
        int b = java.util.Collections.binarySearch(dates, to);
        b = b >= 0 ? b + 1 : -b - 1;
        b = Math.max(a, b);
        return new DatedSeries(name, session, dates.subList(a, b), Arrays.copyOfRange(values, a, b));
    }

    /** This series under another name (a request's key for a panel column). */
    public DatedSeries named(String newName) {
        return new DatedSeries(newName, session, dates, values);
    }

    /** This series with {@code value} in place of the value of {@code date} (a test's planted move). */
    public DatedSeries with(LocalDate date, double value) {
        int i = dates.indexOf(date);
        if (i < 0) {
            throw new IllegalArgumentException(name + " has no value on " + date);
        }
        double[] v = values.clone();
        v[i] = value;
        return new DatedSeries(name, session, dates, v);
    }
}
