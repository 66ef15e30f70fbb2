package de.vorlauf.devstack.temporal;

import java.util.Locale;

/**
 * Which Temporal server to run. EXTERNAL is only ever a result: a configured address decides it.
 */
public enum TemporalKind {
  AUTO,
  EXTERNAL,
  CLI_DEV_SERVER,
  IN_JVM;

  /** Parses "auto", "cli" (or "dev-server") or "in-jvm" (any case); blank or null means AUTO. */
  public static TemporalKind parse(String value) {
    if (value == null || value.isBlank()) {
      return AUTO;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "auto" -> AUTO;
      case "cli", "dev-server", "cli_dev_server" -> CLI_DEV_SERVER;
      case "in-jvm", "in_jvm", "test-server" -> IN_JVM;
      default ->
          throw new IllegalArgumentException(
              "unknown Temporal server '" + value + "': use auto, cli or in-jvm");
    };
  }
}
