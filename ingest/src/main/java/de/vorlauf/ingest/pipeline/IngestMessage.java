package de.vorlauf.ingest.pipeline;

import de.vorlauf.ingest.topic.GreenboxTopic;
import de.vorlauf.persistence.ingest.IngestSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One device message as the transport delivered it, before anything was checked.
 *
 * @param topic the MQTT topic; null for REST
 * @param senderId the device the transport vouches for: the topic's device (MQTT) or the device of
 *     the bearer token (REST); null when the topic is not a device topic
 * @param sensorId the topic's sensor for the per-sensor form, else null
 * @param receivedAt arrival at Vorlauf (never a reading's time)
 * @param backlog the sender marked the message as history (backlog topic, bulk upload): it takes
 *     the backlog lane whatever its readings' age
 */
public record IngestMessage(
    IngestSource source,
    String topic,
    String senderId,
    String sensorId,
    byte[] payload,
    Instant receivedAt,
    boolean backlog) {

  public IngestMessage {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** A message from an MQTT topic; device, sensor and lane hint come from the topic. */
  public static IngestMessage mqtt(String topic, byte[] payload, Instant receivedAt) {
    GreenboxTopic parsed = GreenboxTopic.parse(topic).orElse(null);
    return new IngestMessage(
        IngestSource.MQTT,
        topic,
        parsed == null ? null : parsed.deviceId(),
        parsed == null ? null : parsed.sensorId(),
        payload,
        receivedAt,
        parsed != null && parsed.backlog());
  }

  /** A body of {@code POST /api/v1/ingest}, sent by the device its token belongs to. */
  public static IngestMessage rest(String deviceId, byte[] payload, Instant receivedAt) {
    return new IngestMessage(
        IngestSource.REST,
        null,
        Objects.requireNonNull(deviceId),
        null,
        payload,
        receivedAt,
        false);
  }

  /**
   * One message of a bulk upload ({@code POST /api/v1/ingest/bulk}) by the device its token belongs
   * to: history, so it takes the backlog lane.
   */
  public static IngestMessage bulk(String deviceId, byte[] payload, Instant receivedAt) {
    return new IngestMessage(
        IngestSource.REST, null, Objects.requireNonNull(deviceId), null, payload, receivedAt, true);
  }

  /**
   * Readings of {@code deviceId} polled from a vendor cloud, rendered in the device message schema
   * by the polling activities.
   */
  public static IngestMessage vendor(String deviceId, byte[] payload, Instant receivedAt) {
    return new IngestMessage(
        IngestSource.VENDOR,
        null,
        Objects.requireNonNull(deviceId),
        null,
        payload,
        receivedAt,
        false);
  }

  /** True when an MQTT topic was not one of the device topics. */
  public boolean unknownTopic() {
    return source == IngestSource.MQTT && senderId == null;
  }

  /**
   * Identifies the message for the quarantine: the same message delivered twice has the same key.
   * SHA-256 over source, topic or sender, and the whole payload.
   */
  public String messageKey() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(source.code().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      String where = topic != null ? topic : "device:" + senderId;
      digest.update(where.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(payload);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
