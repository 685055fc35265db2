package org.beholder.detect.tf.internal.convert;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.tensorflow.proto.DataType;

/**
 * Turns one weight of a TF.js weights file into the raw little-endian content of a TensorFlow constant of the
 * type the graph declares: float16-quantised weights become float32, and int32 weights become int64 where the
 * graph's constant is int64 (TF.js stores every integer as int32).
 */
final class WeightDecoder {
    private WeightDecoder() {
    }

    static int storedBytes(String dtype, String quantization, long elements) {
        if ("float16".equals(quantization)) {
            return (int) (elements * 2);
        }
        if (quantization != null) {
            throw new IllegalArgumentException("unsupported TF.js weight quantisation " + quantization);
        }
        return switch (dtype) {
            case "float32", "int32" -> (int) (elements * 4);
            case "bool" -> (int) elements;
            default -> throw new IllegalArgumentException("unsupported TF.js weight type " + dtype);
        };
    }

    static byte[] decode(ByteBuffer stored, String dtype, String quantization, long elements, DataType target) {
        stored.order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out;
        switch (target) {
            case DT_FLOAT -> {
                out = ByteBuffer.allocate((int) elements * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (long i = 0; i < elements; i++) {
                    out.putFloat("float16".equals(quantization) ? Float.float16ToFloat(stored.getShort())
                            : stored.getFloat());
                }
            }
            case DT_INT32 -> {
                out = ByteBuffer.allocate((int) elements * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (long i = 0; i < elements; i++) {
                    out.putInt(stored.getInt());
                }
            }
            case DT_INT64 -> {
                out = ByteBuffer.allocate((int) elements * 8).order(ByteOrder.LITTLE_ENDIAN);
                for (long i = 0; i < elements; i++) {
                    out.putLong(stored.getInt());
                }
            }
            case DT_BOOL -> {
                out = ByteBuffer.allocate((int) elements);
                for (long i = 0; i < elements; i++) {
                    out.put(stored.get());
                }
            }
            default -> throw new IllegalArgumentException("cannot make a " + target + " constant from TF.js "
                    + dtype + (quantization == null ? "" : " (" + quantization + ")"));
        }
        return out.array();
    }
}
