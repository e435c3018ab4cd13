package io.sysrisk.scoring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.sysrisk.data.DataValidationException;
import io.sysrisk.data.MarketData;
import io.sysrisk.features.FeatureMatrix;
import io.sysrisk.windows.NormalizationStats;

/**
 * What a request's data may hold and still be scored, and what is said about it. Refused: a feature value that is
 * more than {@link #ABSURD_SD} standard deviations from its training mean (a unit error, not a market). Scored with a
 * warning: a daily move beyond {@link #MAX_DAILY_MOVE}, a gap of more than {@link #MAX_GAP_DAYS} calendar days, an
 * open or close outside the day's low-high range, values forward-filled or days dropped for missing values, and any
 * feature the model saw clipped at the normalization bound (which feature, which dates). Nothing passes silently.
 */
public final class Plausibility {

    /** |close / previous close - 1| above this is reported: 25%, beyond the 1987 crash day (-20.5%). */
    public static final double MAX_DAILY_MOVE = 0.25;
    /** Calendar days between two consecutive dates above this are reported (holidays give at most 4-5). */
    public static final int MAX_GAP_DAYS = 10;
    /** A feature this many standard deviations from its training mean is refused, not clipped. */
    public static final double ABSURD_SD = 1000;
    /** Dates quoted per warning. */
    private static final int QUOTED = 3;

    /** One thing the caller should know about the answer. */
    public record Warning(String code, String message) {
    }

    private Plausibility() {
    }

    /** Warnings on the raw data: moves, gaps, OHLC ranges, cleaning. */
    public static List<Warning> ofData(MarketData data) {
        List<Warning> out = new ArrayList<>();
        List<LocalDate> dates = data.dates();
        for (int c = 0; c < data.columns().size(); c++) {
            String column = data.columns().get(c);
            if (column.equals("volume")) {
                continue;
            }
            double[] v = data.series()[c];
            List<LocalDate> big = new ArrayList<>();
            double worst = 0;
            for (int t = 1; t < v.length; t++) {
                double move = v[t] / v[t - 1] - 1;
                if (Math.abs(move) > MAX_DAILY_MOVE) {
                    big.add(dates.get(t));
                    worst = Math.abs(move) > Math.abs(worst) ? move : worst;
                }
            }
            if (!big.isEmpty()) {
                out.add(new Warning("daily-move", String.format(Locale.ROOT, "%s moved more than %.0f%% in a day on %d "
                        + "date(s) (%s; largest %+.1f%%): check for a unit or data error", column, MAX_DAILY_MOVE * 100,
                        big.size(), quote(big), worst * 100)));
            }
        }
        List<LocalDate> gaps = new ArrayList<>();
        for (int t = 1; t < dates.size(); t++) {
            if (ChronoUnit.DAYS.between(dates.get(t - 1), dates.get(t)) > MAX_GAP_DAYS) {
                gaps.add(dates.get(t));
            }
        }
        if (!gaps.isEmpty()) {
            out.add(new Warning("date-gap", gaps.size() + " gap(s) of more than " + MAX_GAP_DAYS + " calendar days "
                    + "before " + quote(gaps) + ": features treat consecutive rows as consecutive trading days"));
        }
        int o = data.columns().indexOf("open");
        int h = data.columns().indexOf("high");
        int l = data.columns().indexOf("low");
        int cl = data.columns().indexOf("close");
        if (o >= 0 && h >= 0 && l >= 0 && cl >= 0) {
            List<LocalDate> bad = new ArrayList<>();
            double[][] s = data.series();
            for (int t = 0; t < dates.size(); t++) {
                double lo = s[l][t];
                double hi = s[h][t];
                if (lo > hi || s[o][t] < lo || s[o][t] > hi || s[cl][t] < lo || s[cl][t] > hi) {
                    bad.add(dates.get(t));
                }
            }
            if (!bad.isEmpty()) {
                out.add(new Warning("ohlc-range", "open or close outside the day's low-high range (or low above high) "
                        + "on " + bad.size() + " date(s): " + quote(bad)));
            }
        }
        if (data.report() != null && data.report().filledCells() > 0) {
            out.add(new Warning("forward-filled", data.report().filledCells() + " missing value(s) were forward-filled "
                    + "from the day before (up to 5 days in a row, as in training)"));
        }
        if (data.report() != null && data.report().droppedRepeated() > 0) {
            out.add(new Warning("days-dropped", data.report().droppedRepeated() + " day(s) repeating the day before in "
                    + "every column were dropped as non-trading days (as in training)"));
        }
        if (data.report() != null && data.report().droppedMissing() > 0) {
            out.add(new Warning("days-dropped", data.report().droppedMissing() + " day(s) were dropped: values missing "
                    + "for longer than the 5-day forward-fill"));
        }
        return out;
    }

    /**
     * Checks the feature rows {@code from..to} that the scored windows read: refuses absurd values, and reports each
     * feature that the normalization clips, with its dates.
     */
    public static List<Warning> ofFeatures(double[][] rows, List<LocalDate> dates, int from, int to,
                                           NormalizationStats norm) {
        List<Warning> out = new ArrayList<>();
        for (int j = 0; j < norm.features().size(); j++) {
            List<LocalDate> clipped = new ArrayList<>();
            int count = 0;
            double worst = 0;
            for (int t = from; t <= to; t++) {
                double z = (rows[t][j] - norm.mean()[j]) / norm.std()[j];
                String when = dates == null ? "row " + (t - from + 1) : dates.get(t).toString();
                if (!(Math.abs(z) <= ABSURD_SD)) {
                    throw new DataValidationException(String.format(Locale.ROOT, "feature %s on %s is %.3g standard "
                            + "deviations from its training mean: not a plausible market value (a unit error?)",
                            norm.features().get(j), when, z));
                }
                if (Math.abs(z) > norm.clip()) {
                    count++;
                    if (dates != null) {
                        clipped.add(dates.get(t));
                    }
                    worst = Math.abs(z) > Math.abs(worst) ? z : worst;
                }
            }
            if (count > 0) {
                out.add(new Warning("feature-clipped", String.format(Locale.ROOT, "%s was beyond %.0f standard "
                        + "deviations of training on %d day(s)%s (largest %+.1f sd) and was clipped to the bound the "
                        + "model was trained with", norm.features().get(j), norm.clip(), count,
                        dates == null ? "" : " (" + quote(clipped) + ")", worst)));
            }
        }
        return out;
    }

    /** Feature rows of a matrix, for {@link #ofFeatures}. */
    public static List<Warning> ofFeatures(FeatureMatrix m, int from, int to, NormalizationStats norm) {
        return ofFeatures(m.values(), m.dates(), from, to, norm);
    }

    private static String quote(List<LocalDate> dates) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(QUOTED, dates.size()); i++) {
            shown.add(dates.get(i).toString());
        }
        return String.join(", ", shown) + (dates.size() > QUOTED ? ", ..." : "");
    }
}
