package de.vorlauf.webadmin.audit;

import de.vorlauf.persistence.audit.AuditEntry;
import de.vorlauf.persistence.audit.AuditRecord;
import java.time.Instant;

/**
 * One audit entry for the API.
 *
 * @param outcome {@code succeeded}, {@code refused} or {@code failed}
 * @param httpStatus the API's answer; null for actions that were no API call
 * @param client {@code ui} or {@code api}
 */
public record AuditEntryDto(
    long id,
    Instant at,
    String actor,
    String action,
    String objectType,
    String objectId,
    String reason,
    String outcome,
    Integer httpStatus,
    String detail,
    String client) {

  static AuditEntryDto of(AuditEntry entry) {
    AuditRecord r = entry.record();
    return new AuditEntryDto(
        entry.id(),
        entry.at(),
        r.actor(),
        r.action(),
        r.objectType(),
        r.objectId(),
        r.reason(),
        r.outcome().code(),
        r.httpStatus(),
        r.detail(),
        r.client());
  }
}
