package de.vorlauf.persistence.logging;

import java.util.Locale;
import java.util.Optional;

/** The kinds of process whose log levels an admin changes at run time. */
public enum LogTarget {
  /** Every worker process (each applies the rows itself). */
  WORKER,
  /** WildFly with the admin WAR. */
  WILDFLY;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<LogTarget> parse(String code) {
    for (LogTarget target : values()) {
      if (target.code().equals(code)) {
        return Optional.of(target);
      }
    }
    return Optional.empty();
  }
}
