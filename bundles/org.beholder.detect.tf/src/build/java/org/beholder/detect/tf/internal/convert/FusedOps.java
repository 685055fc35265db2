package org.beholder.detect.tf.internal.convert;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Replaces the TF.js-only fused convolutions with the standard TensorFlow ops they stand for:
 * {@code _FusedConv2D} and {@code FusedDepthwiseConv2dNative} with {@code fused_ops = [BiasAdd, <activation>]}
 * become Conv2D / DepthwiseConv2dNative + BiasAdd + the activation. The last node keeps the fused node's name,
 * so every consumer stays connected.
 */
final class FusedOps {
    private FusedOps() {
    }

    static GraphDef split(GraphDef graph) {
        GraphDef.Builder out = graph.toBuilder().clearNode();
        for (NodeDef node : graph.getNodeList()) {
            switch (node.getOp()) {
                case "_FusedConv2D" -> out.addAllNode(expand(node, "Conv2D"));
                case "FusedDepthwiseConv2dNative" -> out.addAllNode(expand(node, "DepthwiseConv2dNative"));
                default -> out.addNode(node);
            }
        }
        return out.build();
    }

    private static List<NodeDef> expand(NodeDef fused, String convOp) {
        List<String> ops = new ArrayList<>();
        AttrValue fusedOps = fused.getAttrOrDefault("fused_ops", AttrValue.getDefaultInstance());
        fusedOps.getList().getSList().forEach(s -> ops.add(s.toStringUtf8()));
        List<String> inputs = fused.getInputList();
        AttrValue type = fused.getAttrOrThrow("T");
        List<NodeDef> nodes = new ArrayList<>();

        NodeDef.Builder conv = NodeDef.newBuilder().setName(fused.getName() + "/conv").setOp(convOp)
                .setDevice(fused.getDevice()).addInput(inputs.get(0)).addInput(inputs.get(1)).putAttr("T", type);
        for (String attr : List.of("strides", "padding", "explicit_paddings", "data_format", "dilations")) {
            if (fused.containsAttr(attr)) {
                conv.putAttr(attr, fused.getAttrOrThrow(attr));
            }
        }
        if (convOp.equals("DepthwiseConv2dNative") && conv.getAttrOrDefault("explicit_paddings", null) != null
                && conv.getAttrOrThrow("explicit_paddings").getList().getICount() == 0) {
            conv.removeAttr("explicit_paddings");
        }
        String last = fused.getName() + "/conv";
        List<String> steps = new ArrayList<>(ops);
        if (steps.isEmpty()) {
            nodes.add(conv.setName(fused.getName()).build());
            return nodes;
        }
        nodes.add(conv.build());
        int argument = 2;
        for (int i = 0; i < steps.size(); i++) {
            String op = steps.get(i);
            boolean final_ = i == steps.size() - 1;
            String name = final_ ? fused.getName() : fused.getName() + "/" + op.toLowerCase();
            NodeDef.Builder step = NodeDef.newBuilder().setName(name).setDevice(fused.getDevice()).addInput(last)
                    .putAttr("T", type);
            switch (op) {
                case "BiasAdd" -> {
                    step.setOp("BiasAdd").addInput(inputs.get(argument++));
                    if (fused.containsAttr("data_format")) {
                        step.putAttr("data_format", fused.getAttrOrThrow("data_format"));
                    }
                }
                case "Relu", "Relu6", "Elu", "Sigmoid", "Tanh" -> step.setOp(op);
                case "LeakyRelu" -> step.setOp("LeakyRelu").putAttr("alpha",
                        fused.getAttrOrDefault("leakyrelu_alpha", AttrValue.newBuilder().setF(0.2f).build()));
                case "Prelu" -> throw new IllegalArgumentException("fused Prelu is not supported (" + fused.getName()
                        + ")");
                default -> throw new IllegalArgumentException("unknown fused op " + op + " in " + fused.getName());
            }
            nodes.add(step.build());
            last = name;
        }
        return nodes;
    }
}
