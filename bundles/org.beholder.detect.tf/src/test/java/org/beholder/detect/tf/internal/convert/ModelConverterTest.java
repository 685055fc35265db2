package org.beholder.detect.tf.internal.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;

/** A tiny TF.js graph with what NanoDet-m itself does not exercise: a fused convolution and an int64 constant. */
class ModelConverterTest {

    /** x [1,2,2,1] -> _FusedConv2D(1x1 filter 2.0, bias 1.0, Relu) -> Reshape to [4] with an int64 shape. */
    private static final String MODEL = """
            {"format": "graph-model",
             "modelTopology": {"node": [
               {"name": "x", "op": "Placeholder", "attr": {"dtype": {"type": "DT_FLOAT"},
                 "shape": {"shape": {"dim": [{"size": "1"}, {"size": "2"}, {"size": "2"}, {"size": "1"}]}}}},
               {"name": "w", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"},
                 "value": {"tensor": {"dtype": "DT_FLOAT", "tensorShape": {}}}}},
               {"name": "b", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"},
                 "value": {"tensor": {"dtype": "DT_FLOAT", "tensorShape": {}}}}},
               {"name": "shape", "op": "Const", "attr": {"dtype": {"type": "DT_INT64"},
                 "value": {"tensor": {"dtype": "DT_INT64", "tensorShape": {}}}}},
               {"name": "conv", "op": "_FusedConv2D", "input": ["x", "w", "b"], "attr": {
                 "T": {"type": "DT_FLOAT"}, "num_args": {"i": "1"},
                 "fused_ops": {"list": {"s": ["Qmlhc0FkZA==", "UmVsdQ=="]}},
                 "strides": {"list": {"i": ["1", "1", "1", "1"]}}, "padding": {"s": "VkFMSUQ="},
                 "data_format": {"s": "TkhXQw=="}, "dilations": {"list": {"i": ["1", "1", "1", "1"]}}}},
               {"name": "out", "op": "Reshape", "input": ["conv", "shape"],
                 "attr": {"T": {"type": "DT_FLOAT"}, "Tshape": {"type": "DT_INT64"}}}
             ], "versions": {"producer": 1395}},
             "weightsManifest": [{"paths": ["weights.bin"], "weights": [
               {"name": "w", "shape": [1, 1, 1, 1], "dtype": "float32",
                "quantization": {"dtype": "float16", "original_dtype": "float32"}},
               {"name": "b", "shape": [1], "dtype": "float32"},
               {"name": "shape", "shape": [1], "dtype": "int32"}
             ]}]}
            """;

    private static byte[] weights() {
        ByteBuffer bin = ByteBuffer.allocate(2 + 4 + 4).order(ByteOrder.LITTLE_ENDIAN);
        bin.putShort(Float.floatToFloat16(2.0f));
        bin.putFloat(1.0f);
        bin.putInt(4);
        return bin.array();
    }

    @Test
    void splitsFusedConvolutionsAndWidensIntegersWhereTheGraphSaysInt64() throws Exception {
        System.setProperty("org.bytedeco.javacpp.cachedir", Path.of("target/native").toAbsolutePath().toString());
        GraphDef graph = ModelConverter.convert(MODEL, weights());
        assertFalse(graph.getNodeList().stream().anyMatch(n -> n.getOp().startsWith("_Fused")));
        assertEquals(java.util.List.of("Conv2D", "BiasAdd", "Relu"), graph.getNodeList().stream()
                .filter(n -> n.getName().startsWith("conv")).map(n -> n.getOp()).toList());
        try (Graph tf = new Graph()) {
            tf.importGraphDef(graph);
            try (Session session = new Session(tf);
                    TFloat32 x = TFloat32.tensorOf(Shape.of(1, 2, 2, 1), DataBuffers.of(new float[] { -1, 1, 2, -3 },
                            true, false));
                    Result result = session.runner().feed("x", x).fetch("out").run()) {
                TFloat32 out = (TFloat32) result.get(0);
                float[] values = new float[4];
                out.asRawTensor().data().asFloats().read(values);
                assertArrayEquals(new float[] { 0, 3, 5, 0 }, values, 1e-6f, "relu(2x + 1)");
            }
        }
    }

    @Test
    void refusesWeightsThatDoNotMatchTheManifest() {
        byte[] tooLong = new byte[weights().length + 4];
        System.arraycopy(weights(), 0, tooLong, 0, weights().length);
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> ModelConverter.convert(MODEL, tooLong));
    }
}
