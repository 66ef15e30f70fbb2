package de.vorlauf.ingest.pipeline;

import de.vorlauf.domain.ingest.DeviceMetadata;
import de.vorlauf.domain.ingest.DevicePayloadParser;
import de.vorlauf.domain.ingest.ParsedMessage;
import de.vorlauf.domain.ingest.ReadingCandidate;
import de.vorlauf.domain.ingest.ReadingValidator;
import de.vorlauf.domain.ingest.RejectReason;
import de.vorlauf.domain.ingest.Rejection;
import de.vorlauf.persistence.ingest.DeviceInfo;
import de.vorlauf.persistence.ingest.QuarantineEntry;
import de.vorlauf.persistence.timeseries.ReadingRow;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides about one message without writing anything: parse, device rules, per-reading rules. Rule
 * order: a payload naming another device than its sender is refused as a whole; then an unknown or
 * inactive sender refuses the whole message (re-ingest runs it again once the device is registered
 * or active); then each reading is checked on its own.
 */
final class MessageEvaluator {

  /**
   * The decision about one message. {@code device} is null when the sender is not registered;
   * {@code metadata} is what the message said about the device, null when nothing.
   */
  record Evaluation(
      IngestMessage message,
      DeviceInfo device,
      List<ReadingRow> rows,
      List<Refusal> refusals,
      Instant newestReading,
      DeviceMetadata metadata) {

    Evaluation(
        IngestMessage message,
        DeviceInfo device,
        List<ReadingRow> rows,
        List<Refusal> refusals,
        Instant newestReading) {
      this(message, device, rows, refusals, newestReading, null);
    }
  }

  private final DevicePayloadParser parser = new DevicePayloadParser();
  private final ReadingValidator validator;
  private final DeviceDirectory directory;
  private final Clock clock;

  MessageEvaluator(ReadingValidator validator, DeviceDirectory directory, Clock clock) {
    this.validator = validator;
    this.directory = directory;
    this.clock = clock;
  }

  Evaluation evaluate(IngestMessage message) throws IngestUnavailableException {
    if (message.unknownTopic()) {
      return refused(
          message,
          null,
          new Refusal(
              IngestPipeline.UNKNOWN_TOPIC,
              "topic is neither greenbox/{device_id}/sensors"
                  + " nor greenbox/{device_id}/sensors/{sensor_id}",
              null));
    }
    ParsedMessage parsed =
        message.sensorId() != null
            ? parser.parseSingleSensor(
                message.payload(), message.senderId(), message.sensorId(), message.receivedAt())
            : parser.parseMessage(message.payload(), message.senderId());
    DeviceInfo device = lookup(message.senderId()).orElse(null);
    if (parsed.rejections().stream().anyMatch(r -> r.reason() == RejectReason.DEVICE_MISMATCH)) {
      return new Evaluation(message, device, List.of(), refusals(parsed.rejections()), null);
    }
    if (device == null) {
      return refused(
          message,
          null,
          new Refusal(
              RejectReason.UNKNOWN_DEVICE.code(),
              "device '" + message.senderId() + "' is not registered",
              null));
    }
    if (!device.active()) {
      return refused(
          message,
          device,
          new Refusal(
              RejectReason.INACTIVE_DEVICE.code(),
              "device '" + device.deviceId() + "' is deactivated",
              null));
    }
    List<Refusal> refusals = new ArrayList<>(refusals(parsed.rejections()));
    List<ReadingRow> rows = new ArrayList<>(parsed.candidates().size());
    Instant now = clock.instant();
    Instant newest = null;
    for (ReadingCandidate candidate : parsed.candidates()) {
      ReadingValidator.Outcome outcome = validator.validate(candidate, now);
      if (outcome instanceof ReadingValidator.Outcome.Accepted accepted) {
        ReadingRow row = ReadingRow.of(accepted.reading(), device);
        rows.add(row);
        newest = newest == null || row.time().isAfter(newest) ? row.time() : newest;
      } else if (outcome instanceof ReadingValidator.Outcome.Rejected rejected) {
        refusals.add(Refusal.of(rejected.rejection()));
      }
    }
    return new Evaluation(message, device, rows, refusals, newest, parsed.metadata());
  }

  private Optional<DeviceInfo> lookup(String deviceId) throws IngestUnavailableException {
    try {
      return directory.find(deviceId);
    } catch (SQLException e) {
      throw new IngestUnavailableException(
          "cannot look up device '" + deviceId + "': " + e.getMessage(), e);
    }
  }

  private static Evaluation refused(IngestMessage message, DeviceInfo device, Refusal refusal) {
    return new Evaluation(message, device, List.of(), List.of(refusal), null);
  }

  private static List<Refusal> refusals(List<Rejection> rejections) {
    return rejections.stream().map(Refusal::of).toList();
  }

  /** The quarantine rows of an evaluation, numbered in order of its refusals. */
  static List<QuarantineEntry> entries(
      Evaluation evaluation, List<Refusal> refusals, int payloadCap) {
    if (refusals.isEmpty()) {
      return List.of();
    }
    IngestMessage message = evaluation.message();
    QuarantineEntry.PayloadText payload =
        QuarantineEntry.payloadText(message.payload(), payloadCap);
    String key = message.messageKey();
    List<QuarantineEntry> entries = new ArrayList<>(refusals.size());
    for (int i = 0; i < refusals.size(); i++) {
      Refusal refusal = refusals.get(i);
      entries.add(
          new QuarantineEntry(
              message.receivedAt(),
              message.source(),
              message.senderId(),
              message.topic(),
              refusal.reason(),
              refusal.detail(),
              refusal.sensorId(),
              payload.text(),
              payload.exact(),
              key,
              i));
    }
    return entries;
  }
}
