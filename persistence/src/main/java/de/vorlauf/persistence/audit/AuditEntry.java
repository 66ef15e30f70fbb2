package de.vorlauf.persistence.audit;

import java.time.Instant;

/** One row of the audit log as stored: the record with its number and time. */
public record AuditEntry(long id, Instant at, AuditRecord record) {}
