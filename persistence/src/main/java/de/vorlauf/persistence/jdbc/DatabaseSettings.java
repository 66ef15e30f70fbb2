package de.vorlauf.persistence.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * How a process outside the application server reaches the database.
 *
 * @param password may be null (e.g. trust or peer authentication); never logged
 * @param maxPoolSize upper bound of pooled connections
 * @param connectionTimeout how long a caller waits for a connection before failing
 */
public record DatabaseSettings(
    String url, String user, String password, int maxPoolSize, Duration connectionTimeout) {

  public DatabaseSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("maxPoolSize must be at least 1: " + maxPoolSize);
    }
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url=%s, user=%s, password=%s, maxPoolSize=%d, connectionTimeout=%s]"
        .formatted(url, user, password == null ? "none" : "***", maxPoolSize, connectionTimeout);
  }
}
