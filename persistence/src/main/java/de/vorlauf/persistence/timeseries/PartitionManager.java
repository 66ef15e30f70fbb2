package de.vorlauf.persistence.timeseries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daily partitions of {@code readings} on plain PostgreSQL: creates them before rows arrive and
 * drops them after retention. Several workers may call this at once: every change runs under one
 * transaction-scoped advisory lock and uses {@code IF NOT EXISTS}/{@code IF EXISTS}, and a racing
 * creator outside that lock is recognised by checking the catalogue afterwards.
 */
public final class PartitionManager {

  private static final Logger log = LoggerFactory.getLogger(PartitionManager.class);

  /** Advisory lock key shared by every process that changes the partitions. */
  static final long LOCK_KEY = 0x766f726c61756601L;

  private static final String LIST_SQL =
      """
      SELECT c.relname
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = to_regclass(?)
      """;
  private static final String LOCK_SQL = "SELECT pg_advisory_xact_lock(?)";
  // DDL waits for in-flight writes on the parent; never queue behind them for long
  private static final String LOCK_TIMEOUT_SQL = "SET LOCAL lock_timeout = '10s'";

  private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();

  /** Partitions of {@code readings} that exist now, by day. */
  public static SortedSet<LocalDate> list(Connection connection) throws SQLException {
    return list(connection, PartitionNames.PARENT);
  }

  /** Partitions of {@code parent} that exist now, by day. */
  public static SortedSet<LocalDate> list(Connection connection, String parent)
      throws SQLException {
    return list(connection, parent, parent);
  }

  /**
   * Partitions of {@code parent} named after {@code namedAfter} (a renamed table keeps its
   * partitions' names), by day.
   */
  public static SortedSet<LocalDate> list(Connection connection, String parent, String namedAfter)
      throws SQLException {
    SortedSet<LocalDate> days = new TreeSet<>();
    try (PreparedStatement statement = connection.prepareStatement(LIST_SQL)) {
      statement.setString(1, parent);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          PartitionNames.dayOf(namedAfter, rs.getString(1)).ifPresent(days::add);
        }
      }
    }
    return days;
  }

  /**
   * Makes sure a partition exists for each day, in a transaction of its own (commits it). Days seen
   * before are skipped without a round trip.
   */
  public void ensure(Connection connection, Collection<LocalDate> days) throws SQLException {
    List<LocalDate> missing = days.stream().filter(d -> !known.contains(d)).toList();
    if (missing.isEmpty()) {
      return;
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      createWithinTransaction(connection, PartitionNames.PARENT, missing);
      connection.commit();
      known.addAll(missing);
    } catch (SQLException e) {
      connection.rollback();
      if (!isCreationRace(e) || !list(connection).containsAll(missing)) {
        throw e;
      }
      log.info("Partitions {} were created concurrently by another writer", missing);
      known.addAll(missing);
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /**
   * Creates partitions of the V1 wide table {@code sensor_readings} inside the caller's
   * transaction: V3's conversion, which runs before the series layout exists.
   */
  public static void createWithinTransaction(Connection connection, Collection<LocalDate> days)
      throws SQLException {
    createWithinTransaction(connection, PartitionNames.LEGACY_PARENT, days);
  }

  /** Creates partitions of {@code parent} inside the caller's transaction (migrations too). */
  public static void createWithinTransaction(
      Connection connection, String parent, Collection<LocalDate> days) throws SQLException {
    SortedSet<LocalDate> existing = list(connection, parent);
    try (PreparedStatement lock = connection.prepareStatement(LOCK_SQL);
        Statement statement = connection.createStatement()) {
      lock.setLong(1, LOCK_KEY);
      lock.execute();
      statement.execute(LOCK_TIMEOUT_SQL);
      for (LocalDate day : new TreeSet<>(days)) {
        if (!existing.contains(day)) {
          statement.execute(PartitionNames.createSql(parent, day));
          log.info("Created partition {}", PartitionNames.nameOf(parent, day));
        }
      }
    }
  }

  /** Drops every partition entirely older than {@code now - retention}; returns their days. */
  public List<LocalDate> dropExpired(Connection connection, Instant now, Duration retention)
      throws SQLException {
    List<LocalDate> expired =
        list(connection).stream()
            .filter(day -> PartitionNames.expired(day, now, retention))
            .toList();
    List<LocalDate> dropped = new ArrayList<>();
    for (LocalDate day : expired) {
      dropOne(connection, day);
      known.remove(day);
      dropped.add(day);
    }
    return dropped;
  }

  /** Forget what was seen, e.g. after a write failed because a partition was missing. */
  public void forget() {
    known.clear();
  }

  private static void dropOne(Connection connection, LocalDate day) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (PreparedStatement lock = connection.prepareStatement(LOCK_SQL);
        Statement statement = connection.createStatement()) {
      lock.setLong(1, LOCK_KEY);
      lock.execute();
      statement.execute(LOCK_TIMEOUT_SQL);
      // the name comes from PartitionNames, never from input
      statement.execute("DROP TABLE IF EXISTS " + PartitionNames.nameOf(day));
      connection.commit();
      log.info("Dropped partition {} (older than retention)", PartitionNames.nameOf(day));
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /** duplicate table / unique violation in pg_class / overlapping bounds. */
  private static boolean isCreationRace(SQLException e) {
    String state = e.getSQLState();
    return "42P07".equals(state) || "23505".equals(state) || "42P17".equals(state);
  }
}
