package de.vorlauf.webadmin.common;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameters parsed with a field-bound error that names the parameter. */
public final class QueryParameters {

  private QueryParameters() {}

  /** An ISO-8601 instant, or null for a missing or blank value. */
  public static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          name,
          name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, not '" + value + "'");
    }
  }
}
