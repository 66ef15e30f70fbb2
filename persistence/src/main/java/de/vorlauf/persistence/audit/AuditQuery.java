package de.vorlauf.persistence.audit;

import java.time.Instant;

/**
 * Which audit entries to show; every part is optional. {@code text} matches object id, action,
 * reason or detail (case-insensitive, part of the text).
 *
 * @param from at or after
 * @param to before
 */
public record AuditQuery(
    String actor,
    String action,
    String objectType,
    String objectId,
    String outcome,
    String text,
    Instant from,
    Instant to) {

  public static final AuditQuery ALL =
      new AuditQuery(null, null, null, null, null, null, null, null);

  public AuditQuery {
    actor = blankToNull(actor);
    action = blankToNull(action);
    objectType = blankToNull(objectType);
    objectId = blankToNull(objectId);
    outcome = blankToNull(outcome);
    text = blankToNull(text);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
