package de.vorlauf.persistence.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The quarantine browser's reads: pages filtered by device, sensor, reason and arrival time, with
 * the timestamp the message itself carried; the matching ids (for re-ingesting all of them); and
 * the matching rows grouped by device, sensor or reason.
 */
public final class QuarantineSearch {

  /**
   * Which rows; every part is optional.
   *
   * @param from received at or after
   * @param to received before
   */
  public record Criteria(
      String deviceId, String sensorId, String reason, Instant from, Instant to) {

    public Criteria {
      deviceId = blankToNull(deviceId);
      sensorId = blankToNull(sensorId);
      reason = blankToNull(reason);
    }
  }

  /**
   * One quarantined part of a message, without its payload.
   *
   * @param readingTimestamp the {@code timestamp} the payload carried, as sent (it may be the very
   *     thing that was wrong with it); null when the payload has none or is not complete
   */
  public record Row(
      long id,
      Instant receivedAt,
      String readingTimestamp,
      String source,
      String deviceId,
      String topic,
      String reason,
      String detail,
      String sensorId,
      boolean payloadComplete) {}

  /** Rows that share a device, a sensor or a reason; a null key is "none" (e.g. no sensor). */
  public record Group(String key, long rows, Instant firstReceived, Instant lastReceived) {}

  /** One page of rows and the number of all that match. */
  public record Page(List<Row> rows, long total) {}

  /** What the rows can be grouped by. */
  public enum GroupBy {
    DEVICE("device_id"),
    SENSOR("sensor_id"),
    REASON("reason");

    private final String column;

    GroupBy(String column) {
      this.column = column;
    }

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final String WHERE =
      """
      WHERE (?::text IS NULL OR device_id = ?)
        AND (?::text IS NULL OR sensor_id = ?)
        AND (?::text IS NULL OR reason = ?)
        AND (?::timestamptz IS NULL OR received_at >= ?)
        AND (?::timestamptz IS NULL OR received_at < ?)
      """;

  // The page's ids first, then the payload's timestamp for those rows only: the pattern runs over
  // at most a page of (capped) payloads, never over every match.
  private static final String PAGE =
      """
      SELECT q.id, q.received_at,
             CASE WHEN q.payload_complete THEN substring(q.payload
                  FROM '"timestamp"[[:space:]]*:[[:space:]]*"([^"]{1,64})"') END,
             q.source, q.device_id, q.topic, q.reason, q.detail, q.sensor_id, q.payload_complete
      FROM (SELECT id FROM quarantine %s ORDER BY id %s LIMIT ? OFFSET ?) page
      JOIN quarantine q ON q.id = page.id
      ORDER BY q.id %s
      """;

  private static final String COUNT = "SELECT count(*) FROM quarantine " + WHERE;

  private static final String IDS = "SELECT id FROM quarantine " + WHERE + " ORDER BY id LIMIT ?";

  private static final String GROUPS =
      """
      SELECT %s, count(*), min(received_at), max(received_at) FROM quarantine %s
      GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?
      """;

  private static final String REASONS_SEEN = "SELECT reason FROM quarantine_counts ORDER BY reason";

  /**
   * @param newestFirst by arrival, newest first (else oldest first)
   */
  public Page page(
      Connection connection, Criteria criteria, boolean newestFirst, int offset, int limit)
      throws SQLException {
    long total;
    try (PreparedStatement count = connection.prepareStatement(COUNT)) {
      bind(count, criteria);
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
      }
    }
    String direction = newestFirst ? "DESC" : "ASC";
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(PAGE.formatted(WHERE, direction, direction))) {
      int next = bind(select, criteria);
      select.setInt(next, limit);
      select.setInt(next + 1, offset);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getLong(1),
                  rs.getTimestamp(2).toInstant(),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  rs.getBoolean(10)));
        }
      }
    }
    return new Page(rows, total);
  }

  /** Ids of the matching rows, oldest first, at most {@code limit}. */
  public List<Long> ids(Connection connection, Criteria criteria, int limit) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(IDS)) {
      int next = bind(select, criteria);
      select.setInt(next, limit);
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    }
  }

  /** The matching rows grouped, largest group first, at most {@code limit} groups. */
  public List<Group> groups(Connection connection, Criteria criteria, GroupBy by, int limit)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(GROUPS.formatted(by.column, WHERE))) {
      int next = bind(select, criteria);
      select.setInt(next, limit);
      List<Group> groups = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          groups.add(
              new Group(
                  rs.getString(1),
                  rs.getLong(2),
                  rs.getTimestamp(3).toInstant(),
                  rs.getTimestamp(4).toInstant()));
        }
      }
      return groups;
    }
  }

  /** Every reason the quarantine has counted so far (rows present or dropped beyond the cap). */
  public Set<String> reasonsSeen(Connection connection) throws SQLException {
    Set<String> reasons = new LinkedHashSet<>();
    try (PreparedStatement select = connection.prepareStatement(REASONS_SEEN);
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        reasons.add(rs.getString(1));
      }
    }
    return reasons;
  }

  private static int bind(PreparedStatement statement, Criteria criteria) throws SQLException {
    int i = 1;
    for (String value :
        new String[] {criteria.deviceId(), criteria.sensorId(), criteria.reason()}) {
      statement.setString(i++, value);
      statement.setString(i++, value);
    }
    for (Instant instant : new Instant[] {criteria.from(), criteria.to()}) {
      Timestamp timestamp = instant == null ? null : Timestamp.from(instant);
      statement.setTimestamp(i++, timestamp);
      statement.setTimestamp(i++, timestamp);
    }
    return i;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
