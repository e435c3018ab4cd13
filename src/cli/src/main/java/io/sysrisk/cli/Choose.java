package io.sysrisk.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import ai.djl.inference.Predictor;
import ai.djl.nn.Block;
import io.sysrisk.data.Market;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.features.Feature;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.model.Architecture;
import io.sysrisk.model.DjlScoring;
import io.sysrisk.research.data.Markets;
import io.sysrisk.research.experiment.PooledExperiment;
import io.sysrisk.training.ModelTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The validation-only comparison that proposed the any-index recipes' inputs and network sizes: every feature set
 * with logistic regression, the small and the reference network, two seeds each, scored on the pooled experiment's
 * validation part (which overlaps the report's test periods, so it only proposes: the choice among the candidates,
 * {@code io.sysrisk.training.Recipe}, is the report's nested selection).
 */
@Command(name = "choose", mixinStandardHelpOptions = true,
        description = "Compare the any-index model's candidate inputs and network sizes on validation data only "
                + "(best-epoch validation loss, ROC-AUC, PR-AUC); prints one line per run (about 6 min).")
class Choose implements Callable<Integer>, DjlJob {

    @Option(names = "--seeds", split = ",", defaultValue = "1,2", description = "Seeds per candidate (default 1,2).")
    List<Integer> seeds;

    @Override
    public Integer call() {
        List<String> regime = Feature.SCALE_FREE.stream().map(Feature::id).toList();
        List<String> close = Feature.CLOSE_ONLY.stream().map(Feature::id).toList();
        List<List<String>> candidates = List.of(regime,
                concat(regime, List.of("vol_20d", "vol_120d", "drawdown_250d")), close,
                concat(close, List.of("vol_ratio_20_250", "vol_rank_250")));
        List<Market> markets = Markets.embedded();
        TrainConfig train = TrainConfig.defaults();
        System.out.println("features | model | seed | best epoch | validation loss | ROC-AUC | PR-AUC (base)");
        for (List<String> features : candidates) {
            PooledExperiment e = PooledExperiment.prepare(PooledConfig.defaults().withFeatures(features), markets);
            for (String model : List.of("logistic", "small", "reference")) {
                for (int seed : seeds) {
                    Block block = switch (model) {
                        case "logistic" -> Architecture.LOGISTIC.build(ModelConfig.small());
                        case "small" -> Architecture.network(ModelConfig.small());
                        default -> Architecture.network(ModelConfig.reference());
                    };
                    try (ModelTrainer.Result r = ModelTrainer.train(block, e.train(), e.validation(),
                            train.withSeed(seed), s -> { });
                         Predictor<WindowBatch, List<WindowScore>> p = r.newPredictor()) {
                        double[] prob = WindowScore.probabilities(DjlScoring.score(p, e.validation()));
                        Metrics m = Metrics.of(prob, e.validation().labels(), 0.5);
                        System.out.println(String.format(Locale.ROOT, "%s | %s | %d | %d of %d | %.4f | %.3f | %.3f (%.3f)",
                                String.join(",", features), model, seed, r.bestEpoch(), r.history().size(),
                                r.bestValidationLoss(), m.rocAuc(), m.prAuc(), m.baseRate()));
                    }
                }
            }
        }
        return 0;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
