package de.vorlauf.persistence.ingest;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SQL of the quarantine: capped inserts that land once per message part, counts by reason, and the
 * reads and deletes of re-ingestion. Every method runs on the caller's connection and transaction.
 */
public final class QuarantineStore {

  // one advisory lock serialises the cap check of all writers, so the cap holds exactly
  private static final long CAP_LOCK = 0x766f726c61756671L;

  private static final String LOCK = "SELECT pg_advisory_xact_lock(?)";

  private static final String TOTAL = "SELECT coalesce(sum(stored), 0) FROM quarantine_counts";

  private static final String INSERT =
      """
      INSERT INTO quarantine (received_at, source, device_id, topic, reason, detail, sensor_id,
                              payload, payload_complete, message_key, part)
      SELECT * FROM unnest(?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[],
                           ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::int[])
      ON CONFLICT (message_key, part) DO NOTHING
      RETURNING message_key, part
      """;

  private static final String COUNT_DROPPED =
      """
      INSERT INTO quarantine_counts AS c (reason, dropped, last_dropped_at)
      SELECT * FROM unnest(?::text[], ?::bigint[], ?::timestamptz[]) ORDER BY 1
      ON CONFLICT (reason) DO UPDATE
      SET dropped = c.dropped + excluded.dropped, last_dropped_at = excluded.last_dropped_at
      """;

  private static final String COUNTS =
      "SELECT reason, stored, dropped FROM quarantine_counts ORDER BY reason";

  private static final String SELECT_ROWS =
      """
      SELECT id, received_at, source, device_id, topic, reason, payload, payload_complete,
             message_key
      FROM quarantine
      """;

  private static final String DELETE_MESSAGES =
      "DELETE FROM quarantine WHERE message_key = ANY (?::text[])";

  /** What became of one entry. */
  public enum Fate {
    STORED,
    /** the same part of the same message was stored before (redelivery) */
    DUPLICATE,
    /** the quarantine was full: only counted */
    DROPPED
  }

  /** Rows per reason in the quarantine and refused beyond its cap. */
  public record ReasonCount(String reason, long stored, long dropped) {}

  /** A quarantined row as re-ingestion needs it. */
  public record StoredRow(
      long id,
      Instant receivedAt,
      IngestSource source,
      String deviceId,
      String topic,
      String reason,
      String payload,
      boolean payloadComplete,
      String messageKey) {}

  /**
   * Inserts entries while the quarantine holds fewer than {@code cap} rows; the rest is counted per
   * reason as dropped. Entries already stored (same message and part) are skipped.
   */
  public List<Fate> insert(Connection connection, List<QuarantineEntry> entries, long cap)
      throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
      lock.setLong(1, CAP_LOCK);
      lock.execute();
    }
    long room = Math.max(0, cap - total(connection));
    List<QuarantineEntry> kept = entries.subList(0, (int) Math.min(room, entries.size()));
    Set<String> stored = kept.isEmpty() ? Set.of() : insertRows(connection, kept);
    List<Fate> fates = new ArrayList<>(entries.size());
    Map<String, Integer> dropped = new TreeMap<>();
    for (int i = 0; i < entries.size(); i++) {
      QuarantineEntry entry = entries.get(i);
      if (i >= kept.size()) {
        fates.add(Fate.DROPPED);
        dropped.merge(entry.reason(), 1, Integer::sum);
      } else {
        fates.add(
            stored.contains(id(entry.messageKey(), entry.part())) ? Fate.STORED : Fate.DUPLICATE);
      }
    }
    if (!dropped.isEmpty()) {
      countDropped(connection, dropped, entries.get(entries.size() - 1).receivedAt());
    }
    return fates;
  }

  private static String id(String messageKey, int part) {
    return messageKey + "#" + part;
  }

  private static long total(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(TOTAL);
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Set<String> insertRows(Connection connection, List<QuarantineEntry> entries)
      throws SQLException {
    int n = entries.size();
    Timestamp[] received = new Timestamp[n];
    String[] source = new String[n];
    String[] device = new String[n];
    String[] topic = new String[n];
    String[] reason = new String[n];
    String[] detail = new String[n];
    String[] sensor = new String[n];
    String[] payload = new String[n];
    Boolean[] complete = new Boolean[n];
    String[] key = new String[n];
    Integer[] part = new Integer[n];
    for (int i = 0; i < n; i++) {
      QuarantineEntry e = entries.get(i);
      received[i] = Timestamp.from(e.receivedAt());
      source[i] = e.source().code();
      device[i] = e.deviceId();
      topic[i] = e.topic();
      reason[i] = e.reason();
      detail[i] = e.detail();
      sensor[i] = e.sensorId();
      payload[i] = e.payload();
      complete[i] = e.payloadComplete();
      key[i] = e.messageKey();
      part[i] = e.part();
    }
    try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
      statement.setArray(1, connection.createArrayOf("timestamptz", received));
      statement.setArray(2, connection.createArrayOf("text", source));
      statement.setArray(3, connection.createArrayOf("text", device));
      statement.setArray(4, connection.createArrayOf("text", topic));
      statement.setArray(5, connection.createArrayOf("text", reason));
      statement.setArray(6, connection.createArrayOf("text", detail));
      statement.setArray(7, connection.createArrayOf("text", sensor));
      statement.setArray(8, connection.createArrayOf("text", payload));
      statement.setArray(9, connection.createArrayOf("boolean", complete));
      statement.setArray(10, connection.createArrayOf("text", key));
      statement.setArray(11, connection.createArrayOf("int4", part));
      Set<String> stored = new HashSet<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          stored.add(id(rs.getString(1), rs.getInt(2)));
        }
      }
      return stored;
    }
  }

  private static void countDropped(Connection connection, Map<String, Integer> dropped, Instant at)
      throws SQLException {
    String[] reasons = dropped.keySet().toArray(String[]::new);
    Long[] counts = dropped.values().stream().map(Integer::longValue).toArray(Long[]::new);
    Timestamp[] times = new Timestamp[reasons.length];
    java.util.Arrays.fill(times, Timestamp.from(at));
    try (PreparedStatement statement = connection.prepareStatement(COUNT_DROPPED)) {
      statement.setArray(1, connection.createArrayOf("text", reasons));
      statement.setArray(2, connection.createArrayOf("int8", counts));
      statement.setArray(3, connection.createArrayOf("timestamptz", times));
      statement.executeUpdate();
    }
  }

  public List<ReasonCount> counts(Connection connection) throws SQLException {
    List<ReasonCount> counts = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(COUNTS);
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        counts.add(new ReasonCount(rs.getString(1), rs.getLong(2), rs.getLong(3)));
      }
    }
    return counts;
  }

  /**
   * Rows chosen for re-ingestion, oldest first: by ids, or by device and/or reason.
   *
   * @param ids when not empty, exactly these rows (device and reason are ignored)
   * @param deviceId null for any device
   * @param reason null for any reason
   */
  public List<StoredRow> select(
      Connection connection, List<Long> ids, String deviceId, String reason, int limit)
      throws SQLException {
    String where;
    List<Object> args = new ArrayList<>();
    if (!ids.isEmpty()) {
      where = "WHERE id = ANY (?::bigint[])";
      args.add(connection.createArrayOf("int8", ids.toArray(Long[]::new)));
    } else {
      where = "WHERE (?::text IS NULL OR device_id = ?) AND (?::text IS NULL OR reason = ?)";
      args.addAll(List.of(nullable(deviceId), nullable(deviceId)));
      args.addAll(List.of(nullable(reason), nullable(reason)));
    }
    String sql = SELECT_ROWS + where + " ORDER BY id LIMIT ?";
    List<StoredRow> rows = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int i = 1;
      for (Object arg : args) {
        if (arg instanceof Array array) {
          statement.setArray(i++, array);
        } else {
          statement.setString(i++, arg == NULL ? null : (String) arg);
        }
      }
      statement.setInt(i, limit);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new StoredRow(
                  rs.getLong(1),
                  rs.getTimestamp(2).toInstant(),
                  IngestSource.fromCode(rs.getString(3)),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getBoolean(8),
                  rs.getString(9)));
        }
      }
    }
    return rows;
  }

  private static final Object NULL = new Object();

  private static Object nullable(String value) {
    return value == null ? NULL : value;
  }

  /** Deletes every row of the given messages; returns how many. */
  public int deleteMessages(Connection connection, List<String> messageKeys) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(DELETE_MESSAGES)) {
      statement.setArray(1, connection.createArrayOf("text", messageKeys.toArray(String[]::new)));
      return statement.executeUpdate();
    }
  }

  /** Deletes rows by id (rows written before message keys existed); returns how many. */
  public int deleteIds(Connection connection, List<Long> ids) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("DELETE FROM quarantine WHERE id = ANY (?::bigint[])")) {
      statement.setArray(1, connection.createArrayOf("int8", ids.toArray(Long[]::new)));
      return statement.executeUpdate();
    }
  }
}
