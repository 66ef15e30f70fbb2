package de.vorlauf.ingest.pipeline;

import de.vorlauf.domain.ingest.Rejection;

/**
 * A refused part of a message under its reason code: a {@link
 * de.vorlauf.domain.ingest.RejectReason#code()} or one of the pipeline's own codes.
 *
 * @param sensorId the refused reading's sensor, null when the whole message was refused
 */
public record Refusal(String reason, String detail, String sensorId) {

  static Refusal of(Rejection rejection) {
    return new Refusal(rejection.reason().code(), rejection.detail(), rejection.sensorId());
  }
}
