package io.sysrisk.training;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Device choice: a GPU when the engine sees one (a CUDA build of libtorch), else the CPU. */
public final class Devices {
    private Devices() {
    }

    public static Device choose(String wanted) {
        Engine engine = Engine.getEngine("PyTorch");
        int gpus = engine.getGpuCount();
        return switch (wanted) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new IllegalArgumentException("--device gpu, but the PyTorch engine sees no GPU (a CUDA build "
                            + "of libtorch is needed, e.g. through PYTORCH_LIBRARY_PATH)");
                }
                yield Device.gpu();
            }
            default -> gpus > 0 ? Device.gpu() : Device.cpu();
        };
    }
}
