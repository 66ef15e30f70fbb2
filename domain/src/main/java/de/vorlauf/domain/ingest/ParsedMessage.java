package de.vorlauf.domain.ingest;

import java.util.List;

/**
 * A device message split into the readings whose JSON was well-formed and the parts that were not.
 * A message-level failure (unreadable JSON, no device id, no timestamp) leaves no candidates.
 *
 * @param deviceId the device the message claims to come from, null when it could not be read
 */
public record ParsedMessage(
    String deviceId, List<ReadingCandidate> candidates, List<Rejection> rejections) {

  public ParsedMessage {
    candidates = List.copyOf(candidates);
    rejections = List.copyOf(rejections);
  }

  static ParsedMessage refused(String deviceId, RejectReason reason, String detail) {
    return new ParsedMessage(deviceId, List.of(), List.of(Rejection.ofMessage(reason, detail)));
  }
}
