package de.vorlauf.domain.ingest;

/**
 * A refused message or reading.
 *
 * @param reason the rule that refused it
 * @param detail what was wrong, for a person (names the field and the value, never the payload)
 * @param sensorId the reading's sensor id when the rejection concerns one reading, else null
 */
public record Rejection(RejectReason reason, String detail, String sensorId) {

  public static Rejection ofMessage(RejectReason reason, String detail) {
    return new Rejection(reason, detail, null);
  }
}
