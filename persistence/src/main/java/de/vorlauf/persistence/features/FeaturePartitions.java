package de.vorlauf.persistence.features;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Monthly (UTC) partitions of {@code building_features} on plain PostgreSQL, created before a write
 * needs them and dropped after retention. A month holds ~29 M rows at 10,000 buildings; monthly
 * rather than daily partitions keep two years at 24 tables instead of 730. On TimescaleDB the table
 * is a hypertable and none of this runs.
 */
final class FeaturePartitions {

  static final String PARENT = "building_features";

  // not the readings' key: creating feature partitions must not wait for reading partitions
  private static final long LOCK_KEY = 0x766f726c61756602L;
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

  private static final String KIND =
      "SELECT c.relkind::text FROM pg_class c WHERE c.oid = to_regclass('building_features')";
  private static final String LIST =
      """
      SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = to_regclass('building_features')
      """;

  private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();
  private volatile Boolean partitioned;

  boolean partitioned(Connection connection) throws SQLException {
    if (partitioned == null) {
      try (PreparedStatement statement = connection.prepareStatement(KIND);
          ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("building_features is missing: run the migrations");
        }
        partitioned = "p".equals(rs.getString(1));
      }
    }
    return partitioned;
  }

  /** Creates the months of {@code [from, to)} that are missing, in a transaction of its own. */
  void ensure(Connection connection, Instant from, Instant to) throws SQLException {
    if (!partitioned(connection)) {
      return;
    }
    List<YearMonth> missing = new ArrayList<>();
    for (YearMonth m = month(from); !m.isAfter(month(to.minusNanos(1))); m = m.plusMonths(1)) {
      if (!known.contains(m)) {
        missing.add(m);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      lock(connection);
      for (YearMonth m : missing) {
        // the name and bounds come from a YearMonth, never from input
        statement.execute(
            "CREATE TABLE IF NOT EXISTS %s PARTITION OF %s FOR VALUES FROM ('%s') TO ('%s')"
                .formatted(name(m), PARENT, bound(m), bound(m.plusMonths(1))));
      }
      connection.commit();
      known.addAll(missing);
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /** Drops every month that ended before {@code now − retention}; returns the months dropped. */
  List<YearMonth> dropExpired(Connection connection, Instant now, Duration retention)
      throws SQLException {
    Instant cutoff = now.minus(retention);
    List<YearMonth> dropped = new ArrayList<>();
    for (YearMonth m : existing(connection)) {
      if (!start(m.plusMonths(1)).isAfter(cutoff)) {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
          lock(connection);
          statement.execute("DROP TABLE IF EXISTS " + name(m));
          connection.commit();
        } finally {
          connection.setAutoCommit(autoCommit);
        }
        known.remove(m);
        dropped.add(m);
      }
    }
    return dropped;
  }

  SortedSet<YearMonth> existing(Connection connection) throws SQLException {
    SortedSet<YearMonth> months = new TreeSet<>();
    try (PreparedStatement statement = connection.prepareStatement(LIST);
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        monthOf(rs.getString(1)).ifPresent(months::add);
      }
    }
    return months;
  }

  static String name(YearMonth month) {
    return PARENT + "_p" + MONTH.format(month);
  }

  static Optional<YearMonth> monthOf(String table) {
    String prefix = PARENT + "_p";
    if (table == null || !table.startsWith(prefix) || table.length() != prefix.length() + 6) {
      return Optional.empty();
    }
    try {
      return Optional.of(YearMonth.parse(table.substring(prefix.length()), MONTH));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static void lock(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)");
        Statement timeout = connection.createStatement()) {
      lock.setLong(1, LOCK_KEY);
      lock.execute();
      timeout.execute("SET LOCAL lock_timeout = '10s'");
    }
  }

  private static YearMonth month(Instant t) {
    return YearMonth.from(t.atOffset(ZoneOffset.UTC));
  }

  private static Instant start(YearMonth m) {
    return m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static String bound(YearMonth m) {
    return start(m).toString();
  }
}
