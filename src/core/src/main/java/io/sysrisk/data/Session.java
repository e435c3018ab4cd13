package io.sysrisk.data;

/**
 * When on its own date a daily value becomes known, in the order markets close. The panel's markets close in
 * different time zones: on one date Europe closes (about 16:30-17:35 CET) before the US equity close (16:00 New York),
 * and a few series are fixed later still (the VIX at 16:15, Treasury quotes at 17:00, a currency's average over its
 * whole day). A value of date d and session s is known at (d, s); a reading at (t, c) may use it only when d is before
 * t, or d equals t and s is not later than c. Where a series' time is not known for sure, it is put in the later
 * session: that lags it a day, never reads ahead.
 */
public enum Session {
    /** The European cash close (London, Paris, Frankfurt, Zurich; the London gold fix at 15:00 is earlier still). */
    EUROPE_CLOSE,
    /** The US equity close, 16:00 New York. */
    US_CLOSE,
    /** After the US equity close and before the next day's first close: the VIX, Treasury curves, daily averages. */
    AFTER_US_CLOSE;

    /** Whether a value of {@code valueDate} in this session is known at {@code date} in session {@code at}. */
    public boolean knownAt(java.time.LocalDate valueDate, java.time.LocalDate date, Session at) {
        int c = valueDate.compareTo(date);
        return c < 0 || c == 0 && compareTo(at) <= 0;
    }
}
