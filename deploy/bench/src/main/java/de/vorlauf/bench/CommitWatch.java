package de.vorlauf.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Watches the readings table until the expected rows are committed. */
final class CommitWatch {

  private static final Logger LOG = LoggerFactory.getLogger(CommitWatch.class);

  private CommitWatch() {}

  /** Waits until {@code expected} rows are visible; returns when the last of them committed. */
  static Instant awaitRows(DataSource ds, long expected, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    Instant lastLog = Instant.now();
    long rows;
    while ((rows = count(ds)) < expected) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "only " + rows + " of " + expected + " readings committed after " + timeout);
      }
      if (Duration.between(lastLog, Instant.now()).toSeconds() >= 5) {
        LOG.info("{} of {} readings committed", rows, expected);
        lastLog = Instant.now();
      }
      Thread.sleep(250);
    }
    if (rows > expected) {
      throw new IllegalStateException(
          rows + " readings stored, more than the " + expected + " published");
    }
    return lastCommit(ds);
  }

  static long count(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM readings")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The commit time of the newest row (the embedded server runs with track_commit_timestamp). */
  static Instant lastCommit(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT max(pg_xact_commit_timestamp(xmin)) FROM readings")) {
      rs.next();
      return rs.getTimestamp(1).toInstant();
    }
  }
}
