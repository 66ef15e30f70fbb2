package de.vorlauf.simulator.runtime;

import de.vorlauf.simulator.physics.SensorSample;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Renders one minute of a device as the source document's message: {@code {timestamp, device_id,
 * readings: [{sensor_id, value, unit, quality}], metadata}}. Hand-built rather than through a JSON
 * tree: a 30-day backfill renders millions of these and this is the cheapest correct way.
 *
 * <p>A malformed message is the same text cut off after about half its length: whatever the cut
 * hits, the top-level object stays unclosed, so it is never valid JSON and ingestion quarantines it
 * as {@code malformed_json}, the fault it stands for (a device losing power mid-write).
 */
public final class MessageRenderer {

  private MessageRenderer() {}

  public static byte[] render(
      String deviceId, Instant timestamp, List<SensorSample> samples, String gatewayId) {
    return text(deviceId, timestamp, samples, gatewayId).getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] malformed(
      String deviceId, Instant timestamp, List<SensorSample> samples, String gatewayId) {
    String full = text(deviceId, timestamp, samples, gatewayId);
    return full.substring(0, full.length() / 2).getBytes(StandardCharsets.UTF_8);
  }

  static String text(
      String deviceId, Instant timestamp, List<SensorSample> samples, String gatewayId) {
    StringBuilder json = new StringBuilder(128 + samples.size() * 96);
    json.append("{\"timestamp\":\"").append(timestamp).append("\",\"device_id\":\"");
    json.append(deviceId).append("\",\"readings\":[");
    for (int i = 0; i < samples.size(); i++) {
      SensorSample sample = samples.get(i);
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"sensor_id\":\"").append(sample.sensorId()).append("\",\"value\":");
      appendValue(json, sample.value());
      json.append(",\"unit\":\"").append(sample.unit()).append("\",\"quality\":\"");
      json.append(sample.quality()).append("\"}");
    }
    json.append("],\"metadata\":{\"source\":\"vorlauf-simulator\"");
    if (gatewayId != null) {
      json.append(",\"gateway_id\":\"").append(gatewayId).append('"');
    }
    json.append("}}");
    return json.toString();
  }

  /** The value as published: three decimals, what a real sensor resolves. */
  public static double rounded(double value) {
    return Double.isFinite(value) ? Math.round(value * 1000.0) / 1000.0 : value;
  }

  /** Three decimals (what a real sensor resolves); NaN and infinities as JSON5-style tokens. */
  private static void appendValue(StringBuilder json, double value) {
    if (!Double.isFinite(value)) {
      json.append(Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
      return;
    }
    double rounded = rounded(value);
    if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
      json.append((long) rounded);
    } else {
      json.append(rounded);
    }
  }
}
