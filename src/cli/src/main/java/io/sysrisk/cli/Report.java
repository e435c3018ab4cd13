package io.sysrisk.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.sysrisk.comparison.LeaveOneMarketOut;
import io.sysrisk.comparison.PositiveControl;
import io.sysrisk.data.Market;
import io.sysrisk.experiment.DecisionFloor;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.report.LomoReportWriter;
import io.sysrisk.research.data.EmbeddedDataset;
import io.sysrisk.research.data.Markets;
import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.experiment.DataSpec;
import io.sysrisk.research.experiment.WalkForward;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.training.Recipe;
import io.sysrisk.training.TrainingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import io.sysrisk.research.evidence.TermStructureEvidence;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "The stored model's out-of-sample evidence, written into its version's report/ folder. The "
                + "any-index model: leave-one-market-out (each market and its era held out in turn) against the "
                + "volatility and logistic references, with event figures. A model of one market (train --csv or "
                + "--dataset): walk-forward in the same shape. A model of several markets (train --csv F --kind "
                + "markets): leave-one-market-out over them, or, when they share an era, walk-forward over them "
                + "together. The any-index report holds the paper's comparison (a CNN, a BiLSTM, a Transformer and a "
                + "TCN alone, the network without attention, 30- and 120-day windows) as rows of its study.")
class Report implements Callable<Integer>, DjlJob {

    @Mixin
    StoredModelOptions stored;

    @Option(names = "--quick", description = "A small run that checks the pipeline (fewer folds or models, 2 seeds, "
            + "2 epochs); its numbers mean nothing.")
    boolean quick;

    @Option(names = "--out", description = "Report folder (default: the model version's report/).")
    Path out;

    @Option(names = "--no-positive-control", description = "any-index: skip the positive control (the study run "
            + "again in quick mode with a planted informative input and its shuffled copy at "
            + "five strengths; about 6 min; one strength with --quick).")
    boolean noPositiveControl;

    @Option(names = "--reanalyse", description = "The default's report: bring its lomo.json (written by the build "
            + "before this evidence schema) to this schema without training: each fold prepared again and checked "
            + "against the days it scored, the proper scores derived from the test windows it kept. Seconds, not the "
            + "full run's hour and a half.")
    boolean reanalyse;

    @Option(names = "--control-only", description = "The default's report: run its positive control again alone ("
            + "the graded strengths, each with its shuffled copy; about 6 min) and write the report again around it; "
            + "the study's lomo.json is kept as it is.")
    boolean controlOnly;

    @Option(names = "--csv", description = "A model of your file: the same file again (its SHA-256 must match the "
            + "one the version recorded). Not needed for a model of an embedded dataset.")
    Path csv;

    @Option(names = "--folds", description = "A walk-forward (a model of one market, or several markets judged "
            + "together): the number of folds (default: the most, up to " + WalkForward.MAX_FOLDS + ", whose every "
            + "part clears the decision floor).")
    Integer folds;

    @Option(names = "--min-events", description = "A model of your data: distinct events each fold's validation, "
            + "calibration and test parts must hold (default " + DecisionFloor.DEFAULT_MIN_EVENTS + ").")
    Integer minEvents;

    @Option(names = "--min-positives", description = "A model of your data: positive windows each of those parts "
            + "must hold (default " + DecisionFloor.DEFAULT_MIN_POSITIVES + ").")
    Integer minPositives;

    @Option(names = "--spark", arity = "0..1", fallbackValue = "local", paramLabel = "MASTER", description = "The "
            + "any-index report: run its study's units (each outer fold's trainings, the served recipe's selection, "
            + "the positive control's) as Apache Spark tasks. local (the value when none is given) starts a "
            + "standalone cluster on this machine, bound to 127.0.0.1, of one-task executors (--executors); "
            + "spark://host:port uses a running cluster; submit, the cluster spark-submit started this driver on "
            + "(infra/study-submit.sh). The same report as a sequential run's (the quick study's byte for byte, "
            + "in a test; docs/study-on-spark.md says where the full one has differed).")
    String spark;

    @Option(names = "--upload", paramLabel = "URI", description = "After writing the report, copy its folder to "
            + "this Hadoop file system URI (s3://bucket/prefix on EMR, file:///path here); the local folder stays.")
    String upload;

    @Option(names = "--executors", description = "With --spark local: executor JVMs (default: this machine's cores "
            + "over libtorch's threads per executor, SYSRISK_THREADS, default 1).")
    Integer executors;

    @Option(names = "--design", description = "A model of several markets: lomo (each market held out with its "
            + "period in every other one), walk-forward (the markets together over time, each fold trained on "
            + "every market before its period) or auto (default: lomo when each of its folds clears the decision "
            + "floor, else walk-forward, and the report says why).")
    String design = "auto";

    /**
     * Why a version of the retired single-market job gets no report: its comparison was made on the old split and
     * the old shape; the paper's comparison now lives in the default's study.
     */
    static String retired(String version) {
        return "version " + version + " was made by the retired single-market job (its manifest has no pooled "
                + "experiment): its old comparison report is no longer made. The paper's comparison is a part of the "
                + "default's report (./mvnw -q -Preport); train its data in the default model's shape with "
                + "train --dataset or --csv, then report --version <it>";
    }

    @Override
    public Integer call() throws Exception {
        String command = "./mvnw -q -Preport" + (quick ? " -Dsysrisk.args=--quick" : "");
        ModelManifest manifest = stored.manifest();
        if (reanalyse && controlOnly) {
            throw new IllegalArgumentException("--reanalyse and --control-only are two runs: give one");
        }
        if ((reanalyse || controlOnly) && noPositiveControl) {
            throw new IllegalArgumentException("--no-positive-control is for a full report run");
        }
        if ((reanalyse || controlOnly) && (manifest.isOneMarket() || !manifest.isPooled() || manifest.horizons() != null
                || TrainingData.isMarketsFile(manifest.data()))) {
            throw new IllegalArgumentException((reanalyse ? "--reanalyse" : "--control-only") + " is for the "
                    + "default's leave-one-market-out report; "
                    + manifest.version() + "'s report is made in minutes: run it again");
        }
        if ((spark != null || executors != null) && (reanalyse || manifest.isOneMarket() || !manifest.isPooled()
                || manifest.horizons() != null || TrainingData.isJoined(manifest.data())
                || TrainingData.isMarketsFile(manifest.data()))) {
            throw new IllegalArgumentException("--spark is for the any-index report's study (its executors rebuild "
                    + "it from the embedded markets); " + (reanalyse ? "--reanalyse trains nothing"
                    : manifest.version() + "'s report runs in this JVM"));
        }
        if (upload != null && (spark == null || reanalyse || controlOnly)) {
            throw new IllegalArgumentException("--upload copies the report a --spark run writes (on a cluster the "
                    + "driver's disk goes with it)");
        }
        if (executors != null && !"local".equals(spark)) {
            throw new IllegalArgumentException("--executors sizes the cluster --spark local starts; a running "
                    + "cluster's size is its own");
        }
        if (manifest.isOneMarket()) {
            return walkForward(manifest);
        }
        if (manifest.isPooled() && TrainingData.isJoined(manifest.data())) {
            return joinedWalkForward(manifest);
        }
        if (manifest.isPooled() && TrainingData.isMarketsFile(manifest.data())) {
            return heldOutMarkets(manifest);
        }
        if (folds != null || minEvents != null || minPositives != null || !"auto".equals(design)) {
            throw new IllegalArgumentException("--folds, --min-events, --min-positives and --design are for a model "
                    + "of your data (train --csv or --dataset); " + manifest.version() + " is not one");
        }
        if (csv != null) {
            throw new IllegalArgumentException("--csv is for a model of your file; " + manifest.version()
                    + " was trained on the embedded data");
        }
        if (manifest.isPooled() && manifest.horizons() != null) {
            // A term structure (issue 26): its evidence horizon by horizon, leave-one-market-out.
            io.sysrisk.research.evidence.TermStructureEvidence.Result result = io.sysrisk.comparison.TermStructureStudy.run(
                    manifest.pooled(), manifest.model(), manifest.training().config(), Markets.embedded(),
                    quick ? LeaveOneMarketOut.Settings.quick() : LeaveOneMarketOut.Settings.full(), System.out::println);
            Path folder = out != null ? out : stored.folder().resolve(LomoReportWriter.FOLDER);
            io.sysrisk.report.TermStructureReportWriter.write(manifest, result, folder,
                    "./mvnw -q -Preport -Dsysrisk.args=\"--version " + manifest.version() + (quick ? " --quick" : "")
                            + "\"");
            System.out.println("report written to " + folder);
            return 0;
        }
        if (controlOnly) {
            Path folder = out != null ? out : stored.folder().resolve(LomoReportWriter.FOLDER);
            Evidence.Result study;
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(folder.resolve("lomo.json"))) {
                study = io.sysrisk.research.evidence.EvidenceJson.read(in, folder.resolve("lomo.json").toString());
            } catch (java.nio.file.NoSuchFileException e) {
                throw new IllegalArgumentException("--control-only writes a report again around its study: "
                        + folder.resolve("lomo.json") + " does not exist", e);
            }
            PositiveControl.Result control = control(manifest);
            io.sysrisk.store.ModelStore.json().writeValue(folder.resolve("positive-control.json").toFile(), control);
            String cmd = "./mvnw -q -Preport -Dsysrisk.args=\"--control-only" + (quick ? " --quick" : "")
                    + (out != null ? " --out " + out : "") + "\"";
            LomoReportWriter.writeAgain(manifest, study, folder, cmd, String.format(java.util.Locale.ROOT, " "
                    + LomoReportWriter.CONTROL_AGAIN + "%s by `%s` (%.1f min); the study's figures are the run's.",
                    java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), cmd,
                    control.seconds() / 60));
            System.out.println("positive control run and report written again in " + folder);
            return 0;
        }
        if (manifest.isPooled() && reanalyse) {
            Path folder = out != null ? out : stored.folder().resolve(LomoReportWriter.FOLDER);
            Path json = folder.resolve("lomo.json");
            if (!java.nio.file.Files.exists(json)) {
                throw new IllegalArgumentException("--reanalyse re-reads a report: " + json + " does not exist");
            }
            Evidence.Result old;
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(json)) {
                old = io.sysrisk.research.evidence.EvidenceJson.readForUpgrade(in, json.toString());
            }
            Evidence.Result result = new LeaveOneMarketOut(old.mode().equals("quick")
                    ? LeaveOneMarketOut.Settings.quick() : LeaveOneMarketOut.Settings.full(), System.out::println)
                    .reanalyse(old, manifest.pooled(), Markets.embedded());
            LomoReportWriter.writeReanalysed(manifest, result, folder, "./mvnw -q -Preport -Dsysrisk.args="
                    + "\"--reanalyse" + (out != null ? " --out " + out : "") + "\"");
            System.out.println("report re-analysed in " + folder);
            return 0;
        }
        if (manifest.isPooled()) {
            try (StudyEngines.Engine engine = StudyEngines.open(spark, executors, System.out::println)) {
                Evidence.Result result = new LeaveOneMarketOut(quick ? LeaveOneMarketOut.Settings.quick()
                        : LeaveOneMarketOut.Settings.full(), System.out::println)
                        .run(manifest.pooled(), manifest.model(), manifest.training().config(), Markets.embedded(),
                                engine.engine());
                PositiveControl.Result control = noPositiveControl ? null : control(manifest, engine.engine());
                Path folder = out != null ? out : stored.folder().resolve(LomoReportWriter.FOLDER);
                LomoReportWriter.write(manifest, result, control, folder, command);
                System.out.println("report written to " + folder);
                if (upload != null) {
                    System.out.println(io.sysrisk.spark.ReportUpload.copy(folder, upload) + " files copied to "
                            + upload);
                }
            }
            return 0;
        }
        throw new IllegalArgumentException(retired(manifest.version()));
    }

    /**
     * A model of a user's several markets, judging the version's own recipe: leave-one-market-out over them (each
     * market and its period held out in turn) when every fold of it clears the decision floor, else (markets that
     * share an era) walk-forward over the markets together; {@code --design} fixes either. The file is read again
     * from {@code --csv} and checked against the SHA-256 the version recorded. No positive control: it plants its
     * input in the embedded markets' study.
     */
    private Integer heldOutMarkets(ModelManifest manifest) throws java.io.IOException {
        if (csv == null) {
            throw new IllegalArgumentException("model " + manifest.version() + " was trained on your file "
                    + TrainingData.marketsFileName(manifest.data()) + ": give it again with --csv");
        }
        TrainingData data = TrainingData.markets(manifest.pooled().name(), csv);
        if (!data.files().equals(manifest.data())) {
            throw new IllegalArgumentException(csv + " is not the file " + manifest.version() + " was trained on "
                    + "(its SHA-256 or markets differ from the recorded " + manifest.data().get(0).sha256()
                    .substring(0, 12) + ")");
        }
        if (!List.of("auto", "lomo", "walk-forward").contains(design)) {
            throw new IllegalArgumentException("--design must be auto, lomo or walk-forward, got '" + design + "'");
        }
        PooledConfig config = manifest.pooled().withHeldOut(null);
        DecisionFloor floor = floor();
        boolean lomo = !design.equals("walk-forward");
        if (lomo) {
            try {
                io.sysrisk.research.experiment.HeldOutMarkets.check(config, data.markets(), floor);
            } catch (IllegalArgumentException e) {
                String why = e.getMessage().replace("; nothing was written", "");
                if (design.equals("lomo")) {
                    throw new IllegalArgumentException("leave-one-market-out of " + csv.getFileName() + ": " + why
                            + ". A held-out market's period is left out of every other market too, so markets that "
                            + "share an era leave each other little to decide on: add markets of other eras, or "
                            + "--design walk-forward; nothing was written", e);
                }
                System.out.println("leave-one-market-out cannot decide here (" + why.replaceFirst(
                        " \\(--min-events.*", "") + "): the markets share an era, so they are judged together over "
                        + "time (walk-forward)");
                lomo = false;
            }
        }
        if (lomo && folds != null) {
            throw new IllegalArgumentException("--folds is for a walk-forward; the leave-one-market-out of "
                    + csv.getFileName() + " has one fold per market");
        }
        LeaveOneMarketOut study = new LeaveOneMarketOut(quick ? LeaveOneMarketOut.Settings.quick()
                : LeaveOneMarketOut.Settings.full(), System.out::println);
        Evidence.Result result;
        if (lomo) {
            System.out.printf("leave-one-market-out of %s: %d markets, each held out with its period in every other "
                    + "one, the version's recipe trained on the rest%n", csv.getFileName(), data.markets().size());
            result = study.heldOutMarkets(config, manifest.model(), manifest.training().config(), data.markets(),
                    versionRecipe(manifest));
        } else {
            List<WalkForward.Fold> plan = WalkForward.planMarkets(config, data.markets(), floor, folds);
            System.out.printf("walk-forward of %s: %d markets together, %d fold(s) over the latest %.0f%% of their "
                    + "labelled windows, each trained on every market before its period only (decision floor: %d "
                    + "events, %d positive windows)%n", csv.getFileName(), data.markets().size(), plan.size(),
                    100 * WalkForward.TEST_SHARE, floor.minEvents(), floor.minPositives());
            for (WalkForward.Fold f : plan) {
                System.out.printf("  fold %s: test %s..%s, %d events (%d windows); validation %d (%d), calibration "
                        + "%d (%d), every market%n", f.name(), f.heldOut().from(), f.scoredTo(), f.test().events(),
                        f.test().positives(), f.validation().events(), f.validation().positives(),
                        f.calibration().events(), f.calibration().positives());
            }
            result = study.walkForwardMarkets(config, manifest.model(), manifest.training().config(),
                    data.markets(), plan, versionRecipe(manifest));
        }
        Path folder = out != null ? out : stored.folder().resolve(LomoReportWriter.FOLDER);
        LomoReportWriter.write(manifest, result, null, folder, versionCommand(manifest));
        System.out.println("report written to " + folder);
        return 0;
    }

    /**
     * A user's markets trained together with the embedded panel ({@code train --with-panel}): walk-forward, the
     * periods cut from the user's markets' own labelled windows, every market (the panel's eight too) training,
     * validating and calibrating before each period only, and only the user's markets scored. The file is read
     * again from {@code --csv} and checked against the SHA-256 the version recorded.
     */
    private Integer joinedWalkForward(ModelManifest manifest) throws java.io.IOException {
        if (csv == null) {
            throw new IllegalArgumentException("model " + manifest.version() + " was trained on your file "
                    + TrainingData.marketsFileName(manifest.data()) + " with the embedded panel: give it again with "
                    + "--csv");
        }
        if (!List.of("auto", "walk-forward").contains(design)) {
            throw new IllegalArgumentException("a model trained with the panel is judged walk-forward on your markets "
                    + "(the panel's share their eras); --design " + design + " does not apply");
        }
        List<String> own = TrainingData.ownColumns(manifest.data());
        TrainingData data = TrainingData.joined(manifest.pooled().name(), csv, own);
        if (!data.files().equals(manifest.data())) {
            throw new IllegalArgumentException(csv + " is not the file " + manifest.version() + " was trained on "
                    + "(its SHA-256 or columns differ from the recorded " + manifest.data().get(0).sha256()
                    .substring(0, 12) + ")");
        }
        PooledConfig config = manifest.pooled().withHeldOut(null);
        DecisionFloor floor = floor();
        java.util.Set<String> judged = new java.util.LinkedHashSet<>(own);
        List<WalkForward.Fold> plan = WalkForward.planMarkets(config, data.markets(), floor, folds, judged);
        System.out.printf("walk-forward of %s trained with the embedded panel: %d fold(s) over the latest %.0f%% of "
                + "%s's labelled windows, each trained on every market (%s) before its period only, only %s scored "
                + "(decision floor: %d events, %d positive windows)%n", csv.getFileName(), plan.size(),
                100 * WalkForward.TEST_SHARE, String.join(", ", own), String.join(", ", data.markets().stream()
                        .map(io.sysrisk.data.Market::name).toList()), String.join(", ", own), floor.minEvents(),
                floor.minPositives());
        for (WalkForward.Fold f : plan) {
            System.out.printf("  fold %s: test %s..%s, %d events (%d windows) of %s; validation %d (%d), calibration "
                    + "%d (%d), every market%n", f.name(), f.heldOut().from(), f.scoredTo(), f.test().events(),
                    f.test().positives(), String.join(", ", own), f.validation().events(), f.validation().positives(),
                    f.calibration().events(), f.calibration().positives());
        }
        LeaveOneMarketOut study = new LeaveOneMarketOut(quick ? LeaveOneMarketOut.Settings.quick()
                : LeaveOneMarketOut.Settings.full(), System.out::println);
        Evidence.Result result = study.walkForwardMarkets(config, manifest.model(), manifest.training().config(),
                data.markets(), plan, versionRecipe(manifest), judged);
        Path folder = out != null ? out : stored.folder().resolve(LomoReportWriter.FOLDER);
        LomoReportWriter.write(manifest, result, null, folder, versionCommand(manifest));
        System.out.println("report written to " + folder);
        return 0;
    }

    /**
     * The default's positive control: the graded strengths in a full report, CI's one strength with --quick; both
     * with the control's settings ({@link LeaveOneMarketOut.Settings#control}).
     */
    private PositiveControl.Result control(ModelManifest manifest) {
        return control(manifest, io.sysrisk.comparison.StudyEngine.SEQUENTIAL);
    }

    private PositiveControl.Result control(ModelManifest manifest, io.sysrisk.comparison.StudyEngine engine) {
        return PositiveControl.run(LeaveOneMarketOut.Settings.control(), quick ? List.of(PositiveControl.NOISE)
                        : PositiveControl.STRENGTHS, manifest.pooled(), manifest.model(), manifest.training().config(),
                Markets.embedded(), System.out::println, engine);
    }

    private DecisionFloor floor() {
        return new DecisionFloor(minEvents != null ? minEvents : DecisionFloor.DEFAULT_MIN_EVENTS,
                minPositives != null ? minPositives : DecisionFloor.DEFAULT_MIN_POSITIVES);
    }

    /** The recipe a version was trained with, as a study judges it: anchored or plain, its size, its inputs. */
    private static Recipe versionRecipe(ModelManifest manifest) {
        ModelConfig m = manifest.model();
        boolean anchored = m.anchorFeature() != null;
        Recipe r = new Recipe(anchored ? Recipe.ANCHORED.name() : Recipe.PLAIN.name(), anchored,
                m.convFilters() == ModelConfig.reference().convFilters() ? "reference" : "small",
                manifest.input().features(), false, null, null);
        // A systemic version is judged beside the plain and anchored networks on the market's own closes.
        return manifest.input().systemic() ? r.withSystemicInputs(manifest.input().systemicInputs()) : r;
    }

    /** The command that rebuilds this report, as recorded in it. */
    private String versionCommand(ModelManifest manifest) {
        boolean defaultStore = stored.store.equals(Path.of(io.sysrisk.store.ModelStore.DEFAULT_ROOT));
        return "./mvnw -q -Preport -Dsysrisk.args=\"--version " + manifest.version()
                + (defaultStore ? "" : " --store " + stored.store) + (csv != null ? " --csv " + csv : "")
                + (quick ? " --quick" : "") + (folds != null ? " --folds " + folds : "")
                + (minEvents != null ? " --min-events " + minEvents : "")
                + (minPositives != null ? " --min-positives " + minPositives : "")
                + ("auto".equals(design) ? "" : " --design " + design) + "\"";
    }

    /**
     * A model of one market: walk-forward evidence on the data it was trained on, re-read (an embedded dataset by
     * its name; a user's file from {@code --csv}, checked against the SHA-256 the version recorded). Every fold's
     * parts must clear the decision floor before anything trains.
     */
    private Integer walkForward(ModelManifest manifest) throws java.io.IOException {
        if (!"auto".equals(design)) {
            throw new IllegalArgumentException("--design is for a model of several markets; " + manifest.version()
                    + " is a model of one market, judged walk-forward");
        }
        ModelManifest.DataFile file = manifest.data().get(0);
        DataSpec spec;
        java.util.Optional<EmbeddedDataset> embedded = EmbeddedDataset.byFileName(file.name());
        if (csv != null) {
            spec = DataSpec.of(csv, manifest.loadOptions());
        } else if (embedded.isPresent()) {
            spec = DataSpec.of(embedded.get());
        } else {
            throw new IllegalArgumentException("model " + manifest.version() + " was trained on your file "
                    + file.name() + ": give it again with --csv");
        }
        PooledConfig config = manifest.pooled().withHeldOut(null);
        if (!(config.label() instanceof io.sysrisk.labels.LabelDefinition.Onset)) {
            throw new IllegalArgumentException("the walk-forward evidence judges onset alarms; " + manifest.version()
                    + " was trained on the label '" + config.label().describe() + "': train it with --label onset");
        }
        // One read: the hash compared is that of the bytes the study then parses.
        TrainingData data = TrainingData.of(config.name(), spec);
        if (!data.files().get(0).sha256().equals(file.sha256())) {
            throw new IllegalArgumentException(spec.name() + " is not the file " + manifest.version() + " was "
                    + "trained on (its SHA-256 differs from the recorded " + file.sha256().substring(0, 12) + ")");
        }
        DecisionFloor floor = floor();
        Market market = data.markets().get(0);
        List<WalkForward.Fold> plan = WalkForward.plan(config, market, floor, folds);
        System.out.printf("walk-forward of %s: %d folds over the latest %.0f%% of its labelled windows, each trained "
                + "on what came before its period only (decision floor: %d events, %d positive windows)%n",
                market.name(), plan.size(), 100 * WalkForward.TEST_SHARE, floor.minEvents(), floor.minPositives());
        for (WalkForward.Fold f : plan) {
            System.out.printf("  %s: test %s..%s, %d events (%d windows); validation %d (%d), calibration %d (%d)%n",
                    f.name(), f.heldOut().from(), f.scoredTo(), f.test().events(), f.test().positives(),
                    f.validation().events(), f.validation().positives(), f.calibration().events(),
                    f.calibration().positives());
        }
        Evidence.Result result = new LeaveOneMarketOut(quick ? LeaveOneMarketOut.Settings.quick()
                : LeaveOneMarketOut.Settings.full(), System.out::println)
                .walkForward(config, manifest.model(), manifest.training().config(), market, plan,
                        versionRecipe(manifest));
        Path folder = out != null ? out : stored.folder().resolve(LomoReportWriter.FOLDER);
        LomoReportWriter.write(manifest, result, null, folder, versionCommand(manifest));
        System.out.println("report written to " + folder);
        return 0;
    }
}
