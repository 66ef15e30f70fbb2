package de.vorlauf.persistence.audit;

import java.util.Objects;

/**
 * One operator action to append to the audit log.
 *
 * @param actor who asked for it (the login name; {@code system} for scheduled work)
 * @param action what, as {@code feature.verb}, e.g. {@code building.deactivate}
 * @param objectType the kind of object acted on, e.g. {@code building}; null when none
 * @param objectId which one; null when none
 * @param reason why, in the operator's words; null when none was asked or given
 * @param outcome how it ended
 * @param httpStatus the answer's status for actions through the API; null otherwise
 * @param detail further facts a person reading the log needs (parameters, counts); never secrets
 * @param client {@code ui} for the admin UI, {@code api} for other clients
 */
public record AuditRecord(
    String actor,
    String action,
    String objectType,
    String objectId,
    String reason,
    Outcome outcome,
    Integer httpStatus,
    String detail,
    String client) {

  /** The most characters of a reason the table keeps (its CHECK constraint). */
  public static final int MAX_REASON = 1000;

  /** The most characters of a detail the table keeps; longer ones are cut with an ellipsis. */
  public static final int MAX_DETAIL = 4000;

  /** How an action ended. */
  public enum Outcome {
    SUCCEEDED,
    /** The request was wrong or not allowed (HTTP 4xx). */
    REFUSED,
    /** The server could not carry it out (HTTP 5xx). */
    FAILED;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Outcome ofHttpStatus(int status) {
      return status >= 500 ? FAILED : status >= 400 ? REFUSED : SUCCEEDED;
    }
  }

  public AuditRecord {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(outcome, "outcome");
    if (reason != null && reason.length() > MAX_REASON) {
      throw new IllegalArgumentException("a reason has at most " + MAX_REASON + " characters");
    }
    if (detail != null && detail.length() > MAX_DETAIL) {
      detail = detail.substring(0, MAX_DETAIL - 1) + "…";
    }
    client = client == null ? "api" : client;
  }

  /** A succeeded action without reason or detail, through the API. */
  public static AuditRecord of(String actor, String action, String objectType, String objectId) {
    return new AuditRecord(
        actor, action, objectType, objectId, null, Outcome.SUCCEEDED, null, null, "api");
  }

  public AuditRecord withReason(String value) {
    return new AuditRecord(
        actor, action, objectType, objectId, value, outcome, httpStatus, detail, client);
  }

  public AuditRecord withDetail(String value) {
    return new AuditRecord(
        actor, action, objectType, objectId, reason, outcome, httpStatus, value, client);
  }
}
