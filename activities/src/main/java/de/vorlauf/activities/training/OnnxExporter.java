package de.vorlauf.activities.training;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import de.vorlauf.domain.training.DemandFeature;
import de.vorlauf.inference.ModelSession;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Writes the trained MLP and its normalisation as one ONNX graph (IR 8, opset 17): input {@value
 * #INPUT} float [batch, features] in {@link DemandFeature} order, Sub/Div normalisation, Gemm +
 * Relu per hidden layer, Gemm output, Mul/Add back to W/m², output {@value #OUTPUT} float [batch,
 * 1]; the batch dimension is dynamic. DL4J has no ONNX exporter: the graph is built from the ONNX
 * protobuf classes Tribuo ships. The feature names and units go into the model's metadata.
 */
public final class OnnxExporter {

  public static final String INPUT = "features";
  public static final String OUTPUT = "demand_w_m2";
  static final long IR_VERSION = 8;
  static final long OPSET = 17;

  private OnnxExporter() {}

  public static byte[] export(TrainedMlp model, String producerVersion) {
    MultiLayerNetwork net = model.network();
    Standardisation s = model.standardisation();
    int features = s.mean().length;
    GraphProto.Builder graph = GraphProto.newBuilder().setName("vorlauf_heat_demand");
    graph.addInput(valueInfo(INPUT, features));
    graph.addOutput(valueInfo(OUTPUT, 1));
    graph.addInitializer(tensor("input_mean", s.mean(), features));
    graph.addInitializer(tensor("input_std", s.std(), features));
    graph.addInitializer(tensor("target_std", new float[] {s.targetStd()}, 1));
    graph.addInitializer(tensor("target_mean", new float[] {s.targetMean()}, 1));
    graph.addNode(node("Sub", "centre", List.of(INPUT, "input_mean"), "centred"));
    graph.addNode(node("Div", "scale", List.of("centred", "input_std"), "normalised"));
    String previous = "normalised";
    Layer[] layers = net.getLayers();
    for (int i = 0; i < layers.length; i++) {
      float[][] w = layers[i].getParam("W").toFloatMatrix();
      float[] b = layers[i].getParam("b").reshape(-1).toFloatVector();
      int in = w.length;
      int out = w[0].length;
      float[] flat = new float[in * out];
      for (int r = 0; r < in; r++) {
        System.arraycopy(w[r], 0, flat, r * out, out);
      }
      graph.addInitializer(tensor("W" + i, flat, in, out));
      graph.addInitializer(tensor("b" + i, b, out));
      boolean last = i == layers.length - 1;
      String gemm = last ? "output_normalised" : "gemm" + i;
      graph.addNode(node("Gemm", "dense" + i, List.of(previous, "W" + i, "b" + i), gemm));
      if (!last) {
        graph.addNode(node("Relu", "relu" + i, List.of(gemm), "hidden" + i));
        previous = "hidden" + i;
      }
    }
    graph.addNode(node("Mul", "unscale", List.of("output_normalised", "target_std"), "scaled"));
    graph.addNode(node("Add", "uncentre", List.of("scaled", "target_mean"), OUTPUT));
    ModelProto.Builder onnx =
        ModelProto.newBuilder()
            .setIrVersion(IR_VERSION)
            .setProducerName("vorlauf")
            .setProducerVersion(producerVersion)
            .setDomain("de.vorlauf")
            .setDocString("heat demand of the next hour per m² (W/m²); multiply by area_m2 for W")
            .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
            .setGraph(graph);
    onnx.addMetadataProps(
        meta(ModelSession.FEATURES_METADATA, String.join(",", DemandFeature.columns())));
    onnx.addMetadataProps(
        meta(
            "units",
            String.join(
                ",", java.util.Arrays.stream(DemandFeature.values()).map(f -> f.unit()).toList())));
    onnx.addMetadataProps(meta("target", "demand_w_m2 (W/m²)"));
    return onnx.build().toByteArray();
  }

  private static StringStringEntryProto meta(String key, String value) {
    return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
  }

  private static ValueInfoProto valueInfo(String name, int columns) {
    TensorShapeProto shape =
        TensorShapeProto.newBuilder()
            .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
            .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(columns))
            .build();
    TypeProto type =
        TypeProto.newBuilder()
            .setTensorType(
                TypeProto.Tensor.newBuilder()
                    .setElemType(TensorProto.DataType.FLOAT.getNumber())
                    .setShape(shape))
            .build();
    return ValueInfoProto.newBuilder().setName(name).setType(type).build();
  }

  private static TensorProto tensor(String name, float[] values, long... dims) {
    TensorProto.Builder t =
        TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber());
    for (long d : dims) {
      t.addDims(d);
    }
    for (float v : values) {
      t.addFloatData(v);
    }
    return t.build();
  }

  private static NodeProto node(String op, String name, List<String> inputs, String output) {
    NodeProto.Builder node =
        NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addOutput(output);
    if (op.equals("Gemm")) {
      node.addAttribute(
          AttributeProto.newBuilder()
              .setName("transB")
              .setType(AttributeProto.AttributeType.INT)
              .setI(0));
    }
    return node.build();
  }
}
