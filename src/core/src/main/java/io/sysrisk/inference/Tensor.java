package io.sysrisk.inference;

import java.util.Arrays;

/** A named float32 array with its shape (row-major), as stored in a {@link PortableParameters} file. */
public record Tensor(String name, int[] shape, float[] data) {

    public Tensor {
        shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(name + ": negative dimension in " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " needs " + n
                    + " values, has " + data.length);
        }
    }

    /** Fails unless the shape is exactly {@code expected}. */
    public Tensor expect(int... expected) {
        if (!Arrays.equals(shape, expected)) {
            throw new IllegalArgumentException("parameter " + name + " has shape " + Arrays.toString(shape)
                    + ", the recorded architecture needs " + Arrays.toString(expected));
        }
        return this;
    }
}
