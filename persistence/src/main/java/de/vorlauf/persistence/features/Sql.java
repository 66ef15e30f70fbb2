package de.vorlauf.persistence.features;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants bound as {@code timestamptz}: an offset date-time in UTC, whatever the JVM's zone. */
final class Sql {

  private Sql() {}

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
