package io.sysrisk.model;

/**
 * libtorch's autograd switch, which is per thread. DJL's PyTorch engine turns it off only on the thread that started
 * the engine, and a {@code GradientCollector} restores whatever the thread had. On any other thread (a Spark task, a
 * pool's worker) predictions and optimizer steps ran with autograd on, and libtorch then takes other kernels (oneDNN's
 * training-mode LSTM): the same network and seed scored ~3e-8 apart, enough to move an early-stopping decision. So
 * every sysrisk training and prediction turns it off on its own thread first, and the thread no longer matters
 * ({@code ModelTrainerTest.theThreadDoesNotMatter}).
 */
public final class Autograd {

    private Autograd() {
    }

    /** Autograd off on the calling thread, as on the thread that started the engine (a JNI call, no allocation). */
    public static void offOnThisThread() {
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
    }
}
