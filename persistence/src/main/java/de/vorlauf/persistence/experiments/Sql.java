package de.vorlauf.persistence.experiments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants to and from {@code timestamptz} in UTC, whatever the JVM's zone. */
final class Sql {

  /** SQLSTATE of a foreign key violation: the run named does not exist. */
  static final String FOREIGN_KEY_VIOLATION = "23503";

  private Sql() {}

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
