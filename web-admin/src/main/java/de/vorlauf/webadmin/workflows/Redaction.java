package de.vorlauf.webadmin.workflows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one rule for secrets in what the workflow explorer shows and exports: in every JSON payload
 * (workflow input and result, activity inputs and results, signals, updates, memo), the value of a
 * field whose name contains {@code password}, {@code passwd}, {@code secret}, {@code token}, {@code
 * credential}, {@code apikey}, {@code privatekey} or {@code authorization} (case and {@code
 * _}/{@code -} ignored) is redacted: every string in it, at any depth, becomes {@value #REDACTED}.
 * Numbers, booleans and the shape stay, so an exported history still deserialises and replays.
 * Payloads that are not JSON (binary, protobuf, encrypted) are shown as their size and encoding,
 * never as bytes.
 *
 * <p>The rule errs on the side of hiding: a field named {@code tokenCount} is hidden too.
 */
public final class Redaction {

  public static final String REDACTED = "[redacted]";

  private static final Pattern SECRET_NAME =
      Pattern.compile("password|passwd|secret|token|credential|apikey|privatekey|authorization");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JSON_PLAIN = "json/plain";

  private Redaction() {}

  /** Whether a field of this name holds a secret by the rule above. */
  public static boolean secretName(String fieldName) {
    String plain = fieldName.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    return SECRET_NAME.matcher(plain).find();
  }

  /** A JSON tree with the secrets' strings redacted (a copy; the argument stays as it is). */
  public static JsonNode redact(JsonNode node) {
    return redact(node.deepCopy(), false);
  }

  private static JsonNode redact(JsonNode node, boolean secret) {
    if (node.isTextual()) {
      return secret ? TextNode.valueOf(REDACTED) : node;
    }
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        object.set(name, redact(object.get(name), secret || secretName(name)));
      }
      return object;
    }
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, redact(array.get(i), secret));
      }
      return array;
    }
    return node;
  }

  /**
   * Every payload in a protobuf message (a whole history, one event) redacted; the same instance
   * when nothing needed it.
   */
  @SuppressWarnings("unchecked")
  public static <M extends Message> M redactPayloads(M message) {
    Message.Builder builder = null;
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      FieldDescriptor descriptor = field.getKey();
      if (descriptor.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (descriptor.isRepeated()) {
        List<?> values = (List<?>) field.getValue();
        for (int i = 0; i < values.size(); i++) {
          Message value = (Message) values.get(i);
          Message redacted = redactMessage(value);
          if (redacted != value) {
            builder = builder == null ? message.toBuilder() : builder;
            builder.setRepeatedField(descriptor, i, redacted);
          }
        }
      } else {
        Message value = (Message) field.getValue();
        Message redacted = redactMessage(value);
        if (redacted != value) {
          builder = builder == null ? message.toBuilder() : builder;
          builder.setField(descriptor, redacted);
        }
      }
    }
    return builder == null ? message : (M) builder.build();
  }

  private static Message redactMessage(Message message) {
    return message instanceof Payload payload ? redact(payload) : redactPayloads(message);
  }

  /** One payload with its JSON redacted; the same instance when it is no JSON or had no secret. */
  public static Payload redact(Payload payload) {
    if (!isJson(payload)) {
      return payload;
    }
    try {
      JsonNode tree = JSON.readTree(payload.getData().toByteArray());
      JsonNode redacted = redact(tree);
      if (redacted.equals(tree)) {
        return payload;
      }
      return payload.toBuilder()
          .setData(ByteString.copyFrom(JSON.writeValueAsBytes(redacted)))
          .build();
    } catch (java.io.IOException e) {
      // not the JSON it claims to be: hide it rather than show what may be a secret
      return payload.toBuilder().setData(ByteString.copyFromUtf8("\"" + REDACTED + "\"")).build();
    }
  }

  /**
   * Payloads for people: the JSON (redacted) of one value, a JSON array of several, null for none.
   */
  public static String display(Payloads payloads) {
    if (payloads == null || payloads.getPayloadsCount() == 0) {
      return null;
    }
    List<JsonNode> values = new ArrayList<>();
    for (Payload payload : payloads.getPayloadsList()) {
      values.add(displayNode(payload));
    }
    try {
      Object shown = values.size() == 1 ? values.get(0) : values;
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(shown);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode displayNode(Payload payload) {
    String encoding = encoding(payload);
    if ("binary/null".equals(encoding)) {
      return JSON.nullNode();
    }
    if (isJson(payload)) {
      try {
        return redact(JSON.readTree(payload.getData().toByteArray()));
      } catch (java.io.IOException e) {
        return TextNode.valueOf(REDACTED);
      }
    }
    return TextNode.valueOf(
        "("
            + payload.getData().size()
            + " bytes, "
            + (encoding.isEmpty() ? "no encoding" : encoding)
            + ")");
  }

  private static boolean isJson(Payload payload) {
    return JSON_PLAIN.equals(encoding(payload));
  }

  private static String encoding(Payload payload) {
    ByteString encoding = payload.getMetadataMap().get("encoding");
    return encoding == null ? "" : encoding.toStringUtf8();
  }
}
