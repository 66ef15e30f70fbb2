package de.vorlauf.domain.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The streaming parser must decide every payload exactly as the tree-model parser it replaced: same
 * candidates, same rejections with the same reasons and details. Thousands of generated payloads —
 * valid, with wrong types, missing and duplicate fields, odd orders, non-finite numbers, truncated
 * and corrupted bytes — are fed to both.
 */
class DevicePayloadParserEquivalenceTest {

  private static final java.time.Instant RECEIVED = java.time.Instant.parse("2025-01-15T14:31:07Z");

  private static final String[] VALUES = {
    "\"d1\"",
    "\"d2\"",
    "\"\"",
    "\"  \"",
    "null",
    "true",
    "false",
    "12",
    "-3.5",
    "1e400",
    "NaN",
    "-Infinity",
    "[]",
    "[1,2]",
    "{}",
    "{\"a\":1}",
    "\"2025-01-15T14:30:00Z\"",
    "\"2025-01-15T14:30:00.123+01:00\"",
    "\"2025-01-15 14:30\"",
    "\"degC\"",
    "\"outdoor_temp\"",
    "\"good\"",
    "\"bad\"",
    "123456789012345678901234567890"
  };

  private final DevicePayloadParser streaming = new DevicePayloadParser();
  private final TreeDevicePayloadParser tree = new TreeDevicePayloadParser();

  @Test
  void decidesGeneratedPayloadsLikeTheTreeParser() {
    SplittableRandom random = new SplittableRandom(20261126);
    int compared = 0;
    for (int i = 0; i < 20_000; i++) {
      String json = message(random);
      byte[] payload = mutate(json, random).getBytes(UTF_8);
      for (String sender : new String[] {null, "d1", "d2"}) {
        assertThat(streaming.parseMessage(payload, sender))
            .as("%s from %s", new String(payload, UTF_8), sender)
            .isEqualTo(tree.parseMessage(payload, sender));
        compared++;
      }
      byte[] single = mutate(reading(random, true), random).getBytes(UTF_8);
      assertThat(streaming.parseSingleSensor(single, "d1", "outdoor_temp", RECEIVED))
          .as(new String(single, UTF_8))
          .isEqualTo(tree.parseSingleSensor(single, "d1", "outdoor_temp", RECEIVED));
      compared++;
    }
    assertThat(compared).isEqualTo(80_000);
  }

  private static String message(SplittableRandom random) {
    List<String> fields = new ArrayList<>();
    maybe(random, fields, "device_id", random.nextInt(4) == 0 ? pick(random) : "\"d1\"");
    maybe(
        random,
        fields,
        "timestamp",
        random.nextInt(4) == 0 ? pick(random) : "\"2025-01-15T14:30:00Z\"");
    if (random.nextInt(10) > 0) {
      StringBuilder readings = new StringBuilder("[");
      int n = random.nextInt(5);
      for (int r = 0; r < n; r++) {
        readings.append(r > 0 ? "," : "");
        readings.append(random.nextInt(12) == 0 ? pick(random) : reading(random, false));
      }
      readings.append(']');
      fields.add("\"readings\":" + (random.nextInt(15) == 0 ? pick(random) : readings.toString()));
    }
    if (random.nextBoolean()) {
      fields.add("\"metadata\":{\"firmware\":\"2.1\",\"nested\":{\"x\":[1,{\"y\":2}]}}");
    } else if (random.nextInt(3) == 0) {
      fields.add(
          "\"metadata\":{\"firmware_version\":"
              + pick(random)
              + ",\"signal_strength\":"
              + pick(random)
              + "}");
    }
    if (random.nextInt(20) == 0) {
      fields.add("\"device_id\":\"d1\""); // a duplicate key, or the only one
    }
    Collections.shuffle(fields, new java.util.Random(random.nextLong()));
    return "{" + String.join(",", fields) + "}";
  }

  private static String reading(SplittableRandom random, boolean single) {
    List<String> fields = new ArrayList<>();
    if (!single) {
      maybe(
          random, fields, "sensor_id", random.nextInt(6) == 0 ? pick(random) : "\"outdoor_temp\"");
    }
    maybe(random, fields, "value", random.nextInt(5) == 0 ? pick(random) : "3.25");
    maybe(random, fields, "unit", random.nextInt(6) == 0 ? pick(random) : "\"degC\"");
    if (random.nextBoolean()) {
      maybe(random, fields, "quality", random.nextInt(4) == 0 ? pick(random) : "\"good\"");
    }
    if (single || random.nextInt(3) == 0) {
      maybe(
          random,
          fields,
          "timestamp",
          random.nextInt(4) == 0 ? pick(random) : "\"2025-01-15T14:29:00Z\"");
    }
    if (random.nextInt(8) == 0) {
      fields.add("\"readings\":[{\"value\":\"x\"}]");
    }
    Collections.shuffle(fields, new java.util.Random(random.nextLong()));
    return "{" + String.join(",", fields) + "}";
  }

  private static void maybe(SplittableRandom random, List<String> fields, String name, String v) {
    if (random.nextInt(12) > 0) {
      fields.add("\"" + name + "\":" + v);
    }
  }

  private static String pick(SplittableRandom random) {
    return VALUES[random.nextInt(VALUES.length)];
  }

  /** Most payloads stay intact; some are cut short, get a stray character, or are not objects. */
  private static String mutate(String json, SplittableRandom random) {
    return switch (random.nextInt(20)) {
      case 0 -> json.substring(0, random.nextInt(json.length()));
      case 1 -> {
        int at = random.nextInt(json.length());
        yield json.substring(0, at) + "{}[]\",:x 1".charAt(random.nextInt(10)) + json.substring(at);
      }
      case 2 -> "[" + json + "]";
      case 3 -> json + " trailing";
      case 4 -> pick(random);
      default -> json;
    };
  }
}
