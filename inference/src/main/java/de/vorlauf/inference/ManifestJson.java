package de.vorlauf.inference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of {@link ModelManifest}, written field by field rather than by reflection: the file is
 * a contract with gateway makers, so its names must not follow a refactoring of the record.
 */
final class ManifestJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ManifestJson() {}

  static byte[] write(ModelManifest m) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", m.format());
    root.put("model", m.model());
    if (m.version() == null) {
      root.putNull("version");
    } else {
      root.put("version", m.version());
    }
    root.put("input", m.input());
    root.put("output", m.output());
    ArrayNode features = root.putArray("features");
    for (ModelManifest.Feature f : m.features()) {
      features
          .addObject()
          .put("name", f.name())
          .put("unit", f.unit())
          .put("mean", f.mean())
          .put("std", f.std());
    }
    ModelManifest.Target t = m.target();
    root.putObject("target")
        .put("name", t.name())
        .put("unit", t.unit())
        .put("mean", t.mean())
        .put("std", t.std());
    root.putObject("onnx").put("sha256", m.onnx().sha256()).put("bytes", m.onnx().bytes());
    if (m.trainingWindow() != null) {
      root.putObject("training_window")
          .put("from", text(m.trainingWindow().from()))
          .put("to", text(m.trainingWindow().to()));
    }
    root.put("code_version", m.codeVersion());
    if (m.source() != null) {
      ObjectNode source = root.putObject("source").put("experiment", m.source().experiment());
      if (m.source().runId() == null) {
        source.putNull("run_id");
      } else {
        source.put("run_id", m.source().runId());
      }
      source.put("workflow_id", m.source().workflowId());
    }
    root.put("created", text(m.created()));
    try {
      return MAPPER.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always writes", e);
    }
  }

  static ModelManifest read(byte[] json) {
    try {
      JsonNode root = MAPPER.readTree(json);
      if (root == null || !root.isObject()) {
        throw new IOException("not a JSON object");
      }
      List<ModelManifest.Feature> features = new ArrayList<>();
      for (JsonNode f : required(root, "features")) {
        features.add(
            new ModelManifest.Feature(
                string(f, "name"), string(f, "unit"), number(f, "mean"), number(f, "std")));
      }
      JsonNode t = required(root, "target");
      JsonNode onnx = required(root, "onnx");
      JsonNode window = root.path("training_window");
      JsonNode source = root.path("source");
      return new ModelManifest(
          required(root, "format").asInt(),
          string(root, "model"),
          root.path("version").isIntegralNumber() ? root.path("version").asInt() : null,
          string(root, "input"),
          string(root, "output"),
          features,
          new ModelManifest.Target(
              string(t, "name"), string(t, "unit"), number(t, "mean"), number(t, "std")),
          new ModelManifest.OnnxFile(string(onnx, "sha256"), required(onnx, "bytes").asLong()),
          window.isObject()
              ? new ModelManifest.Window(instant(window.path("from")), instant(window.path("to")))
              : null,
          root.path("code_version").isTextual() ? root.path("code_version").asText() : null,
          source.isObject()
              ? new ModelManifest.Source(
                  source.path("experiment").asText(null),
                  source.path("run_id").isIntegralNumber() ? source.path("run_id").asLong() : null,
                  source.path("workflow_id").isTextual()
                      ? source.path("workflow_id").asText()
                      : null)
              : null,
          instant(root.path("created")));
    } catch (IOException | DateTimeParseException e) {
      throw new ModelException(
          ModelException.Reason.CORRUPT, "manifest.json cannot be read: " + e.getMessage(), e);
    }
  }

  private static JsonNode required(JsonNode node, String field) throws IOException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IOException("no \"" + field + "\"");
    }
    return value;
  }

  private static String string(JsonNode node, String field) throws IOException {
    JsonNode value = required(node, field);
    if (!value.isTextual()) {
      throw new IOException("\"" + field + "\" is not a string");
    }
    return value.asText();
  }

  private static double number(JsonNode node, String field) throws IOException {
    JsonNode value = required(node, field);
    if (!value.isNumber()) {
      throw new IOException("\"" + field + "\" is not a number");
    }
    return value.asDouble();
  }

  private static Instant instant(JsonNode node) {
    return node.isTextual() ? Instant.parse(node.asText()) : null;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
