package io.sysrisk.inference;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's parameters in a small documented format that any language can read, so that inference does not need
 * DJL or libtorch. Layout (big-endian header, little-endian data):
 * <pre>
 *   magic "SRP1" (4 bytes) | tensor count (int32)
 *   per tensor: name (int16 length + UTF-8 bytes) | rank (int32) | dims (int32 each) | values (float32 LE, row-major)
 * </pre>
 * Names and shapes are DJL's (e.g. {@code 01member1_01conv_weight (16, 4, 3)}).
 */
public final class PortableParameters {

    public static final String FILE = "sysrisk.srp";
    private static final byte[] MAGIC = {'S', 'R', 'P', '1'};
    private static final int MAX_RANK = 8;

    private PortableParameters() {
    }

    public static void write(Map<String, Tensor> tensors, Path file) throws IOException {
        try (OutputStream o = Files.newOutputStream(file)) {
            write(tensors, o);
        }
    }

    public static void write(Map<String, Tensor> tensors, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
        out.write(MAGIC);
        out.writeInt(tensors.size());
        for (Tensor t : tensors.values()) {
            out.writeUTF(t.name());
            out.writeInt(t.shape().length);
            for (int d : t.shape()) {
                out.writeInt(d);
            }
            ByteBuffer b = ByteBuffer.allocate(4 * t.data().length).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(t.data());
            out.write(b.array());
        }
        out.flush();
    }

    public static Map<String, Tensor> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads and checks a parameter stream; a truncated or foreign file fails with a message naming it. */
    public static Map<String, Tensor> read(InputStream stream, String source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
        byte[] magic = in.readNBytes(4);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IOException(source + " is not a sysrisk parameter file (no SRP1 header)");
        }
        int count = in.readInt();
        if (count < 0 || count > 100_000) {
            throw new IOException(source + ": implausible tensor count " + count);
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            int rank = in.readInt();
            if (rank < 0 || rank > MAX_RANK) {
                throw new IOException(source + ": tensor " + name + " has rank " + rank);
            }
            int[] shape = new int[rank];
            long n = 1;
            for (int d = 0; d < rank; d++) {
                shape[d] = in.readInt();
                n *= shape[d];
                if (shape[d] < 0 || n > 50_000_000) {
                    throw new IOException(source + ": tensor " + name + " has an implausible shape");
                }
            }
            byte[] bytes = in.readNBytes((int) (4 * n));
            if (bytes.length != 4 * n) {
                throw new IOException(source + " is truncated in tensor " + name);
            }
            float[] data = new float[(int) n];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
            out.put(name, new Tensor(name, shape, data));
        }
        if (in.read() != -1) {
            throw new IOException(source + " has bytes after its last tensor");
        }
        return out;
    }
}
