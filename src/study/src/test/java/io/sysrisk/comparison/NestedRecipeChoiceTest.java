package io.sysrisk.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.sysrisk.research.evidence.Evidence;

/**
 * The served recipe picked walk-forward, on planted folds: two markets over three periods, where the systemic score
 * tells the outcome and the networks on the market's closes do not. The first period gets the default's kind (nothing
 * earlier to judge by); the later ones the systemic recipe, chosen only on windows whose labels were known.
 */
class NestedRecipeChoiceTest {

    private static final int LOOKAHEAD = 40;
    private static final int DAYS = 300;

    @Test
    void eachPeriodGetsTheRecipeThatWasBestBeforeIt() {
        List<LocalDate> calendar = new ArrayList<>();
        LocalDate d = LocalDate.of(2001, 1, 1);
        while (calendar.size() < 3 * DAYS) {
            if (d.getDayOfWeek().getValue() <= 5) {
                calendar.add(d);
            }
            d = d.plusDays(1);
        }
        List<Evidence.FoldResult> folds = new ArrayList<>();
        Random random = new Random(7);
        for (int k = 0; k < 3; k++) {
            for (String market : List.of("a", "b")) {
                // Each market's period is its own: b's later ones start two trading days after a's.
                int skip = market.equals("b") && k > 0 ? 2 : 0;
                List<LocalDate> dates = calendar.subList(k * DAYS + skip, (k + 1) * DAYS);
                String period = dates.get(0) + ".." + dates.get(dates.size() - 1);
                int n = dates.size();
                int[] y = new int[n];
                double[] systemic = new double[n];
                double[] anchored = new double[n];
                double[] plain = new double[n];
                double[] volatility = new double[n];
                for (int i = 0; i < n; i++) {
                    y[i] = random.nextDouble() < 0.2 ? 1 : 0;
                    systemic[i] = y[i] + random.nextGaussian();
                    anchored[i] = random.nextDouble();
                    plain[i] = random.nextDouble();
                    volatility[i] = random.nextDouble();
                }
                folds.add(fold(market + " " + (k + 1) + "/3", market, period, dates, y, Map.of(Evidence.MODEL,
                        systemic, Evidence.ANCHORED, anchored, Evidence.PLAIN, plain, Evidence.VOLATILITY,
                        volatility)));
            }
        }
        int[] y = folds.stream().flatMapToInt(f -> java.util.Arrays.stream(f.labels())).toArray();
        int[] segments = folds.stream().mapToInt(Evidence.FoldResult::windows).toArray();
        Evidence.RecipeChoice c = NestedRecipeChoice.of(folds, Map.of("a", calendar, "b", calendar), LOOKAHEAD,
                new FoldStatistics(100), y, segments, null);
        assertEquals(List.of(Evidence.ANCHORED, Evidence.MODEL, Evidence.MODEL),
                c.periods().stream().map(Evidence.PeriodPick::chosen).toList());
        assertEquals(0, c.periods().get(0).windows());
        // Chosen only on labels known when the period began (its first test day of any market, a's): the earlier
        // periods' windows less those within 40 trading days of it.
        assertEquals(2 * (DAYS - LOOKAHEAD), c.periods().get(1).windows());
        assertEquals(2 * DAYS + (DAYS - LOOKAHEAD) + (DAYS - 2 - LOOKAHEAD), c.periods().get(2).windows());
        assertEquals(calendar.get(DAYS) + ".." + calendar.get(2 * DAYS - 1), c.periods().get(1).period());
        assertEquals(Evidence.MODEL, c.served());
        assertTrue(c.prVsVolatility().estimate() > 0, c.toString());
        Evidence.Versus versusSystemic = c.pickMinus().stream().filter(v -> v.other().equals(Evidence.MODEL))
                .findFirst().orElseThrow();
        assertTrue(versusSystemic.prAuc().estimate() < 0, "the first period's default pick costs the systemic gain");
    }

    private static Evidence.FoldResult fold(String name, String market, String period, List<LocalDate> dates, int[] y,
                                            Map<String, double[]> scores) {
        List<Evidence.ScoreResult> s = new ArrayList<>();
        for (String n : List.of(Evidence.MODEL, Evidence.VOLATILITY, Evidence.PLAIN, Evidence.ANCHORED)) {
            s.add(new Evidence.ScoreResult(n, scores.get(n), null, null, null));
        }
        return new Evidence.FoldResult(name, market, period, dates.size(), java.util.Arrays.stream(y).sum(), dates, y,
                List.of(), s, null, null, null, List.of(), Map.of(), null, "earlier", 0.2, List.of(), null, null,
                null, null, null, null);
    }
}
