package io.sysrisk.training;

import java.util.function.Consumer;

import io.sysrisk.experiment.EpochStats;

/** One line per epoch, with an ETA bound that only goes down: the epochs left before the cap at the slowest so far. */
final class ProgressLog implements EpochListener {

    private final Consumer<String> log;
    private final int maxEpochs;
    private double slowest;
    private double etaBound = Double.POSITIVE_INFINITY;

    ProgressLog(Consumer<String> log, int maxEpochs) {
        this.log = log;
        this.maxEpochs = maxEpochs;
    }

    @Override
    public void onEpoch(EpochStats s, boolean best) {
        slowest = Math.max(slowest, s.seconds());
        etaBound = Math.min(etaBound, slowest * (maxEpochs - s.epoch()));
        log.accept(String.format("epoch %3d/%d  train loss %.4f  val loss %.4f  val F1 %.3f  val PR-AUC %.3f"
                        + "  %5.1f s  ETA <= %s%s", s.epoch(), maxEpochs, s.trainLoss(), s.validationLoss(),
                s.validationF1(), s.validationPrAuc(), s.seconds(), eta(etaBound), best ? "  *best" : ""));
    }

    private static String eta(double seconds) {
        return seconds < 90 ? String.format("%.0f s", seconds) : String.format("%.1f min", seconds / 60);
    }
}
