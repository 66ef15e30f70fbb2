package de.vorlauf.webadmin.audit;

import de.vorlauf.persistence.audit.AuditEntry;
import de.vorlauf.persistence.audit.AuditLogRepository;
import de.vorlauf.persistence.audit.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log of operator actions, for every feature to write to. Every mutation through the API
 * is recorded by {@link AuditFilter} already; call {@link #record} for actions that do not arrive
 * as one request (a scheduled job acting on an operator's behalf, a batch with several effects).
 *
 * <p>An entry is written after the action, in its own transaction: an action whose entry cannot be
 * written has still happened. That case is logged as an error with the whole entry, so the server
 * log keeps what the table could not.
 */
@ApplicationScoped
public class AuditLog {

  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

  @Inject AuditLogRepository repository;

  /** Appends the entry; empty when it could not be written (logged). */
  public Optional<AuditEntry> record(AuditRecord record) {
    try {
      return Optional.of(repository.append(record));
    } catch (SQLException | RuntimeException e) {
      LOG.error(
          "audit entry NOT written ({}): actor={} action={} object={}/{} outcome={} status={}"
              + " reason={} detail={}",
          e.toString(),
          record.actor(),
          record.action(),
          record.objectType(),
          record.objectId(),
          record.outcome().code(),
          record.httpStatus(),
          record.reason(),
          record.detail());
      return Optional.empty();
    }
  }
}
