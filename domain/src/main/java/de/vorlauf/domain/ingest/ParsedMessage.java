package de.vorlauf.domain.ingest;

import java.util.List;

/**
 * A device message split into the readings whose JSON was well-formed and the parts that were not.
 * A message-level failure (unreadable JSON, no device id, no timestamp) leaves no candidates.
 *
 * @param deviceId the device the message claims to come from, null when it could not be read
 * @param metadata what the message's {@code metadata} said about the device; null when nothing
 */
public record ParsedMessage(
    String deviceId,
    List<ReadingCandidate> candidates,
    List<Rejection> rejections,
    DeviceMetadata metadata) {

  public ParsedMessage {
    candidates = List.copyOf(candidates);
    rejections = List.copyOf(rejections);
  }

  public ParsedMessage(
      String deviceId, List<ReadingCandidate> candidates, List<Rejection> rejections) {
    this(deviceId, candidates, rejections, null);
  }

  static ParsedMessage refused(String deviceId, RejectReason reason, String detail) {
    return new ParsedMessage(deviceId, List.of(), List.of(Rejection.ofMessage(reason, detail)));
  }
}
