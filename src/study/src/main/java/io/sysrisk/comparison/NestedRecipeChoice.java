package io.sysrisk.comparison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sysrisk.evaluation.Metrics;
import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.evidence.Evidence.FoldResult;

/**
 * What a systemic study serves as the default, chosen by a rule judged out of sample ({@link Evidence.RecipeChoice}):
 * walk-forward over its test periods, each period's recipe is the one with the best pooled PR-AUC on the earlier
 * periods' windows whose labels were known when it began; the first period, with nothing earlier, gets the
 * default's own kind (the anchored network on the market's closes, the simplest input). The candidates are the
 * networks every fold trained side by side on the same markets and periods: the systemic recipe and the anchored and
 * plain networks on the market's own closes.
 */
final class NestedRecipeChoice {

    /** The candidates, the a-priori choice first. */
    static final List<String> CANDIDATES = List.of(Evidence.ANCHORED, Evidence.PLAIN, Evidence.MODEL);

    static final String RULE = "each test period's recipe has the best pooled PR-AUC on the earlier periods' windows "
            + "whose labels were known when the period began (a label reads the look-ahead's trading days after its "
            + "day); the first period gets the anchored network on the market's closes; ties go to the earlier of "
            + CANDIDATES;

    private NestedRecipeChoice() {
    }

    /**
     * The choice over {@code folds} (every market's fold of every period, the periods in order), with the paired
     * figures of the pick ({@code y}, {@code segments}, {@code calendar}: the pooled outcomes and resampling of the
     * study). Null when a fold lacks a candidate's values, or there is one period only.
     */
    static Evidence.RecipeChoice of(List<FoldResult> folds, Map<String, List<LocalDate>> calendars, int lookahead,
                                    FoldStatistics stats, int[] y, int[] segments, BlockBootstrap.Calendar calendar) {
        // Each market's folds are its test periods in order: a fold's period is its rank among its market's.
        int[] rank = new int[folds.size()];
        Map<String, Integer> seen = new LinkedHashMap<>();
        int periods = 0;
        for (int i = 0; i < folds.size(); i++) {
            FoldResult f = folds.get(i);
            rank[i] = seen.merge(f.market(), 1, Integer::sum) - 1;
            periods = Math.max(periods, rank[i] + 1);
            for (String c : CANDIDATES) {
                if (values(f, c) == null) {
                    return null;
                }
            }
        }
        if (periods < 2) {
            return null;
        }
        List<Evidence.PeriodPick> picks = new ArrayList<>();
        String[] chosen = new String[periods];
        for (int k = 0; k < periods; k++) {
            // The period begins on the first test day of any market in it: the pick is made then, for every market.
            LocalDate start = LocalDate.MAX;
            LocalDate end = LocalDate.MIN;
            List<FoldResult> earlier = new ArrayList<>();
            for (int i = 0; i < folds.size(); i++) {
                FoldResult f = folds.get(i);
                if (rank[i] == k) {
                    start = f.dates().get(0).isBefore(start) ? f.dates().get(0) : start;
                    LocalDate last = f.dates().get(f.dates().size() - 1);
                    end = last.isAfter(end) ? last : end;
                } else if (rank[i] < k) {
                    earlier.add(f);
                }
            }
            String period = start + ".." + end;
            if (k == 0) {
                picks.add(new Evidence.PeriodPick(period, CANDIDATES.get(0), 0, Map.of()));
                chosen[0] = CANDIDATES.get(0);
                continue;
            }
            Criterion c = criterion(earlier, calendars, lookahead, start);
            chosen[k] = best(c.prAuc());
            picks.add(new Evidence.PeriodPick(period, chosen[k], c.windows(), c.prAuc()));
        }
        Criterion all = criterion(folds, calendars, 0, LocalDate.MAX);
        List<double[]> parts = new ArrayList<>();
        for (int i = 0; i < folds.size(); i++) {
            parts.add(values(folds.get(i), chosen[rank[i]]));
        }
        double[] pick = parts.stream().flatMapToDouble(Arrays::stream).toArray();
        double[] volatility = folds.stream().flatMapToDouble(f -> Arrays.stream(values(f, Evidence.VOLATILITY)))
                .toArray();
        List<Evidence.Versus> minus = new ArrayList<>();
        for (String c : CANDIDATES) {
            double[] other = folds.stream().flatMapToDouble(f -> Arrays.stream(values(f, c))).toArray();
            minus.add(new Evidence.Versus(c, c.equals(Evidence.MODEL) ? "the systemic recipe"
                    : "the " + c + " on the market's own closes",
                    stats.paired(pick, other, y, segments, calendar, Metrics::rocAuc),
                    stats.paired(pick, other, y, segments, calendar, Metrics::averagePrecision)));
        }
        return new Evidence.RecipeChoice(RULE, picks, best(all.prAuc()), all.prAuc(),
                stats.paired(pick, volatility, y, segments, calendar, Metrics::rocAuc),
                stats.paired(pick, volatility, y, segments, calendar, Metrics::averagePrecision), minus);
    }

    private record Criterion(int windows, Map<String, Double> prAuc) {
    }

    /**
     * Each candidate's pooled PR-AUC on the windows of {@code folds} whose label was known before {@code start}:
     * the window's day plus {@code lookahead} trading days of its market lies before it.
     */
    private static Criterion criterion(List<FoldResult> folds, Map<String, List<LocalDate>> calendars, int lookahead,
                                       LocalDate start) {
        Map<String, List<Double>> kept = new LinkedHashMap<>();
        CANDIDATES.forEach(c -> kept.put(c, new ArrayList<>()));
        List<Integer> labels = new ArrayList<>();
        for (FoldResult f : folds) {
            List<LocalDate> calendar = calendars.get(f.market());
            int startDay = start.equals(LocalDate.MAX) ? Integer.MAX_VALUE : index(calendar, start);
            for (int i = 0; i < f.windows(); i++) {
                int day = Collections.binarySearch(calendar, f.dates().get(i));
                if (day < 0) {
                    throw new IllegalStateException(f.dates().get(i) + " is not a trading day of " + f.market());
                }
                if (day + lookahead < startDay) {
                    labels.add(f.labels()[i]);
                    for (String c : CANDIDATES) {
                        kept.get(c).add(values(f, c)[i]);
                    }
                }
            }
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        Map<String, Double> out = new LinkedHashMap<>();
        kept.forEach((c, v) -> out.put(c, Metrics.averagePrecision(v.stream().mapToDouble(Double::doubleValue)
                .toArray(), y)));
        return new Criterion(y.length, out);
    }

    /** The candidate with the highest value, the earlier in {@link #CANDIDATES} on a tie. */
    private static String best(Map<String, Double> criterion) {
        String best = CANDIDATES.get(0);
        for (String c : CANDIDATES) {
            if (criterion.get(c) > criterion.get(best)) {
                best = c;
            }
        }
        return best;
    }

    /** The index of the first trading day on or after {@code day}. */
    private static int index(List<LocalDate> calendar, LocalDate day) {
        int i = Collections.binarySearch(calendar, day);
        return i >= 0 ? i : -i - 1;
    }

    private static double[] values(FoldResult f, String name) {
        return f.scores().stream().filter(s -> s.name().equals(name)).map(Evidence.ScoreResult::score).findFirst()
                .orElse(null);
    }
}
