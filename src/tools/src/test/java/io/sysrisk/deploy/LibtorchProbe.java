package io.sysrisk.deploy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.LibUtils;
import io.sysrisk.EngineDefaults;

/** Run in a child JVM by {@link ImageLayoutTest}: starts the engine and says which libtorch it loaded. */
public final class LibtorchProbe {
    private LibtorchProbe() {
    }

    public static void main(String[] args) {
        EngineDefaults.apply();
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
            float sum = m.create(new float[] {1, 2, 3}).sum().getFloat();
            System.out.println("libtorch=" + LibUtils.getLibtorchPath() + " sum=" + sum);
        }
    }
}
