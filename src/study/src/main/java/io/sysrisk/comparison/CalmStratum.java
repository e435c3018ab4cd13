package io.sysrisk.comparison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import io.sysrisk.evaluation.Metrics;
import io.sysrisk.research.evaluation.CircularBlocks;
import io.sysrisk.research.evidence.CalmFigures;
import io.sysrisk.research.evidence.CalmRanking;
import io.sysrisk.research.evidence.Interval;

/**
 * How scores rank the onsets that come out of a calm market ({@link io.sysrisk.research.labels.Labeler#outOfCalm}): the
 * falls an early warning is for, which a score that only follows turbulence already under way cannot see. A test
 * window whose label is 1 looks ahead to one onset (the first fall start after it is always an onset, since the
 * window itself is not masked); the stratum keeps the windows before calm onsets as positives and every window
 * labelled 0 as negatives, and drops the windows before other onsets.
 */
public final class CalmStratum {

    private CalmStratum() {
    }

    /**
     * Positions among the test windows ending on {@code rows} (labels {@code y}) that the stratum keeps: label 0,
     * or label 1 before an onset (a row among {@code onsets}) that {@code calm} marks.
     */
    public static int[] kept(int[] rows, int[] y, int[] onsets, boolean[] calm) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (y[i] == 0) {
                keep.add(i);
                continue;
            }
            int k = Arrays.binarySearch(onsets, rows[i] + 1);
            int next = k >= 0 ? k : -k - 1;
            if (next < onsets.length && calm[next]) {
                keep.add(i);
            }
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The stratum of one fold: {@code scores} by name, over its test windows. */
    public static CalmFigures fold(int calmDays, int[] onsets, boolean[] calm, List<LocalDate> onsetDates, int[] kept,
                              int[] y, List<String> names, List<double[]> scores, int samples, long seed) {
        return pooled(calmDays, List.of(onsets), List.of(calm), List.of(onsetDates), List.of(kept), List.of(y), names,
                scores.stream().map(List::of).toList(), samples, seed);
    }

    /**
     * The stratum over several folds, stratified: {@code scores.get(s).get(f)} is score s on fold f's test windows.
     */
    public static CalmFigures pooled(int calmDays, List<int[]> onsets, List<boolean[]> calm, List<List<LocalDate>> onsetDates,
                                List<int[]> kept, List<int[]> y, List<String> names, List<List<double[]>> scores,
                                int samples, long seed) {
        int folds = kept.size();
        List<int[]> ky = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            int[] k = kept.get(f);
            int[] yf = y.get(f);
            ky.add(Arrays.stream(k).map(i -> yf[i]).toArray());
        }
        List<CalmRanking> ranking = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            List<double[]> ks = new ArrayList<>();
            for (int f = 0; f < folds; f++) {
                double[] sf = scores.get(s).get(f);
                ks.add(Arrays.stream(kept.get(f)).mapToDouble(i -> sf[i]).toArray());
            }
            double[] point = stratified(ks, ky);
            SplittableRandom random = new SplittableRandom(seed);
            double[] roc = new double[samples];
            for (int b = 0; b < samples; b++) {
                List<double[]> rs = new ArrayList<>();
                List<int[]> ry = new ArrayList<>();
                for (int f = 0; f < folds; f++) {
                    double[] sf = ks.get(f);
                    int[] yf = ky.get(f);
                    double[] s2 = new double[sf.length];
                    int[] y2 = new int[sf.length];
                    int[] at = {0};
                    CircularBlocks.resample(new int[] {sf.length}, BlockBootstrap.MIN_BLOCK, random, i -> {
                        s2[at[0]] = sf[i];
                        y2[at[0]++] = yf[i];
                    });
                    rs.add(s2);
                    ry.add(y2);
                }
                roc[b] = stratified(rs, ry)[0];
            }
            double[] sorted = Arrays.stream(roc).filter(v -> !Double.isNaN(v)).sorted().toArray();
            Interval ci = sorted.length == 0 ? new Interval(Double.NaN, Double.NaN)
                    : new Interval(sorted[(int) Math.floor(0.025 * sorted.length)],
                    sorted[Math.min(sorted.length - 1, (int) Math.floor(0.975 * sorted.length))]);
            ranking.add(new CalmRanking(names.get(s), point[0], ci, point[1]));
        }
        int allOnsets = onsets.stream().mapToInt(o -> o.length).sum();
        int calmOnsets = 0;
        List<LocalDate> calmDates = new ArrayList<>();
        for (int f = 0; f < calm.size(); f++) {
            for (int i = 0; i < calm.get(f).length; i++) {
                if (calm.get(f)[i]) {
                    calmOnsets++;
                    calmDates.add(onsetDates.get(f).get(i));
                }
            }
        }
        int windows = kept.stream().mapToInt(k -> k.length).sum();
        int positives = ky.stream().mapToInt(v -> Arrays.stream(v).sum()).sum();
        return new CalmFigures(calmDays, allOnsets, calmOnsets, calmDates, windows, positives, List.copyOf(ranking));
    }

    /** ROC-AUC over pairs within one fold, weighted by pairs; PR-AUC per fold weighted by positives. */
    static double[] stratified(List<double[]> scores, List<int[]> y) {
        double pairs = 0;
        double roc = 0;
        double positives = 0;
        double pr = 0;
        for (int f = 0; f < scores.size(); f++) {
            int pos = Arrays.stream(y.get(f)).sum();
            int neg = y.get(f).length - pos;
            if (pos == 0 || neg == 0) {
                continue;
            }
            pairs += (double) pos * neg;
            roc += (double) pos * neg * Metrics.rocAuc(scores.get(f), y.get(f));
            positives += pos;
            pr += pos * Metrics.averagePrecision(scores.get(f), y.get(f));
        }
        return new double[] {pairs == 0 ? Double.NaN : roc / pairs, positives == 0 ? Double.NaN : pr / positives};
    }
}
