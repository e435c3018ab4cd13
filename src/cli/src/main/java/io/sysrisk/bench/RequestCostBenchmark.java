package io.sysrisk.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.sysrisk.data.MarketData;
import io.sysrisk.features.FeaturePipeline;
import io.sysrisk.features.FeatureSet;
import io.sysrisk.inference.JavaModel;
import io.sysrisk.research.data.EmbeddedDataset;
import io.sysrisk.research.data.Markets;
import io.sysrisk.scoring.MarketScorer;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;

/**
 * The costliest request per stored model (the most days a request may send, its last date scored) on the serving
 * path, against the former path that computed features over every row sent, in the same run: median milliseconds
 * of {@code runs} after a warm-up. One JSON line per model.
 */
public final class RequestCostBenchmark {

    private RequestCostBenchmark() {
    }

    public static List<String> run(Path storeRoot, int maxDays, int runs) {
        ModelStore store = new ModelStore(storeRoot);
        List<String> out = new ArrayList<>();
        for (String version : store.versions()) {
            ModelManifest m = store.manifest(version);
            JavaModel model = store.javaModel(version);
            MarketData all = m.isPooled() ? Markets.byName(Markets.embedded(), "sp500-1928").data()
                    : EmbeddedDataset.byFileName(m.data().get(0).name()).orElseThrow().load(m.loadOptions());
            MarketData data = all.slice(Math.max(0, all.size() - maxDays), all.size());
            LocalDate last = data.dates().get(data.size() - 1);
            MarketScorer scorer = new MarketScorer(m);
            FeatureSet features = FeatureSet.ofIds(m.input().features());
            double now = median(runs, () -> scorer.predict(scorer.windows(data, last, last), model));
            // The former path: every row's features first (what the scorer did before), then the same scoring.
            double before = median(runs, () -> {
                FeaturePipeline.compute(data, features);
                scorer.predict(scorer.windows(data, last, last), model);
            });
            out.add(String.format(Locale.ROOT, "{\"bench\":\"worst-request\",\"version\":\"%s\",\"kind\":\"%s\","
                            + "\"columns\":%d,\"rows\":%d,\"scored_dates\":1,\"all_rows_features_ms\":%.2f,"
                            + "\"needed_rows_features_ms\":%.2f,\"speedup\":%.1f}", version, m.input().kind(),
                    m.input().columns().size(), data.size(), before, now, before / now));
        }
        return out;
    }

    private static double median(int runs, Runnable r) {
        for (int i = 0; i < 3; i++) {
            r.run();
        }
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }
}
