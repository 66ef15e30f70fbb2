package de.vorlauf.ingest.pipeline;

import de.vorlauf.domain.ingest.DeviceLiveness;
import de.vorlauf.domain.ingest.LanePolicy;
import de.vorlauf.domain.ingest.ValidationPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the ingest pipeline.
 *
 * @param quarantineCap rows the quarantine holds at most; beyond, refused parts are only counted
 * @param payloadCapBytes raw payload bytes kept per quarantine row
 * @param liveness the online/offline rule
 * @param deviceCacheTtl how long a known device is trusted without asking the registry again
 * @param deviceMissTtl how long an unknown device id is remembered as unknown
 * @param statusFlushInterval how often device status is written
 * @param quarantineQueue messages with refused parts waiting to be written before submitters wait
 * @param lanes which lane a message's readings take when its sender did not say
 */
public record IngestSettings(
    long quarantineCap,
    int payloadCapBytes,
    ValidationPolicy validation,
    DeviceLiveness liveness,
    Duration deviceCacheTtl,
    Duration deviceMissTtl,
    Duration statusFlushInterval,
    int quarantineQueue,
    LanePolicy lanes) {

  public IngestSettings {
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(lanes, "lanes");
    Objects.requireNonNull(liveness, "liveness");
    if (quarantineCap < 0 || payloadCapBytes < 256 || payloadCapBytes > 65_536) {
      throw new IllegalArgumentException(
          "quarantineCap must be >= 0 and payloadCapBytes 256..65536");
    }
  }

  /**
   * 100,000 quarantine rows, 16 KiB payloads, 10 min offline, 2 messages back online, backlog
   * beyond 5 minutes.
   */
  public static IngestSettings defaults() {
    return new IngestSettings(
        100_000,
        16_384,
        ValidationPolicy.DEFAULT,
        DeviceLiveness.DEFAULT,
        Duration.ofSeconds(10),
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        50_000,
        LanePolicy.DEFAULT);
  }

  public IngestSettings withQuarantineCap(long cap) {
    return new IngestSettings(
        cap,
        payloadCapBytes,
        validation,
        liveness,
        deviceCacheTtl,
        deviceMissTtl,
        statusFlushInterval,
        quarantineQueue,
        lanes);
  }

  public IngestSettings withLiveness(DeviceLiveness value) {
    return new IngestSettings(
        quarantineCap,
        payloadCapBytes,
        validation,
        value,
        deviceCacheTtl,
        deviceMissTtl,
        statusFlushInterval,
        quarantineQueue,
        lanes);
  }

  public IngestSettings withValidation(ValidationPolicy value) {
    return new IngestSettings(
        quarantineCap,
        payloadCapBytes,
        value,
        liveness,
        deviceCacheTtl,
        deviceMissTtl,
        statusFlushInterval,
        quarantineQueue,
        lanes);
  }

  public IngestSettings withLanes(LanePolicy value) {
    return new IngestSettings(
        quarantineCap,
        payloadCapBytes,
        validation,
        liveness,
        deviceCacheTtl,
        deviceMissTtl,
        statusFlushInterval,
        quarantineQueue,
        value);
  }
}
