package io.sysrisk.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A synthetic panel with a planted answer, for the walk-forward positive control: an index and four members share
 * a common daily factor; every 60-140 trading days the index and three members fall by about 12% over 10 days, and
 * the member LEAD has fallen alone (about 21% over 8 days) 10 to 30 days before the label's onset of that fall (plus
 * a lone LEAD fall with no index fall in a quarter of the gaps). Calm between falls has constant volatility, so the index's own volatility cannot see a fall coming; the
 * members' cross-section (turbulence, dispersion) can. {@code shuffled}: LEAD's daily returns permuted in time, which
 * keeps its distribution and removes the lead.
 */
public final class LeadingMemberPanel {

    public static final List<String> COLUMNS = List.of("IDX", "LEAD", "M2", "M3", "M4");

    private LeadingMemberPanel() {
    }

    public static Path write(Path csv, int days, long seed, boolean shuffled) throws IOException {
        Random rnd = new Random(seed);
        double[][] r = new double[COLUMNS.size()][days];
        for (int t = 0; t < days; t++) {
            double common = 0.005 * rnd.nextGaussian();
            r[0][t] = common + 0.002 * rnd.nextGaussian() + 0.0003;
            for (int j = 1; j < COLUMNS.size(); j++) {
                r[j][t] = common + 0.01 * rnd.nextGaussian() + 0.0003;
            }
        }
        int t = 300;
        while (t < days - 40) {
            // The label's onset is the first day from which the index falls 7% within 20 days: about 14 days
            // before the index's fall starts at t. LEAD starts falling 10-30 days before that onset.
            int lead = 24 + rnd.nextInt(21);
            for (int k = 0; k < 8; k++) {
                r[1][t - lead + k] -= 0.03;
            }
            for (int k = 0; k < 10; k++) {
                for (int j : new int[] {0, 2, 3, 4}) {
                    r[j][t + k] -= 0.012;
                }
            }
            int gap = 60 + rnd.nextInt(81);
            if (rnd.nextDouble() < 0.25) {
                int lone = t + gap / 2;
                for (int k = 0; k < 8 && lone + k < days; k++) {
                    r[1][lone + k] -= 0.03;
                }
            }
            t += gap;
        }
        if (shuffled) {
            for (int i = days - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                double x = r[1][i];
                r[1][i] = r[1][j];
                r[1][j] = x;
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("date," + String.join(",", COLUMNS));
        double[] close = new double[COLUMNS.size()];
        java.util.Arrays.fill(close, 100);
        LocalDate d = LocalDate.of(2000, 1, 3);
        for (int i = 0; i < days; i++) {
            StringBuilder sb = new StringBuilder(d.toString());
            for (int j = 0; j < close.length; j++) {
                close[j] *= Math.exp(r[j][i]);
                sb.append(String.format(Locale.ROOT, ",%.4f", close[j]));
            }
            lines.add(sb.toString());
            d = d.plusDays(d.getDayOfWeek() == DayOfWeek.FRIDAY ? 3 : 1);
        }
        Files.write(csv, lines);
        return csv;
    }
}
