package de.vorlauf.persistence.ops;

import de.vorlauf.persistence.jdbc.LikePatterns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fleet for triage at 10,000 buildings: one page of buildings, filtered, searched and sorted in
 * the database, the fleet's totals, and the devices of one building. A device's state follows the
 * ingestion's liveness rule ({@code device_status.online}, and no message for the offline time
 * means offline even before the sweep ran) and adds staleness: a device whose messages arrive but
 * whose newest reading is older than the offline time is stale, never online.
 */
public final class FleetQueries {

  // The three parameters every statement starts with: the offline cutoff (now - offline time), the
  // start of the quarantine window, and an optional building.
  private static final String DEVICE_STATE =
      """
      WITH params AS (SELECT ?::timestamptz AS cutoff, ?::timestamptz AS since, ?::text AS building),
      device_state AS (
        SELECT d.id, d.building_id, d.active, d.gateway_id, s.last_seen, s.last_reading_time,
               s.state_changed_at, coalesce(s.message_count, 0) AS message_count,
               coalesce(s.reading_count, 0) AS reading_count,
               CASE WHEN NOT d.active THEN 'inactive'
                    WHEN s.device_id IS NULL THEN 'never_seen'
                    WHEN NOT s.online OR s.last_seen < p.cutoff THEN 'offline'
                    WHEN s.last_reading_time IS NULL OR s.last_reading_time < p.cutoff THEN 'stale'
                    ELSE 'online' END AS state
        FROM devices d CROSS JOIN params p
        LEFT JOIN device_status s ON s.device_id = d.id
        WHERE p.building IS NULL OR d.building_id = p.building
      )
      """;

  // quarantine rows of known devices in the window, per building; the received_at index bounds it
  private static final String ROWS =
      DEVICE_STATE
          + """
          , recent_quarantine AS (
            SELECT d.building_id, count(*) AS quarantined
            FROM quarantine q JOIN devices d ON d.id = q.device_id CROSS JOIN params p
            WHERE q.received_at >= p.since
            GROUP BY d.building_id
          ),
          per_building AS (
            SELECT building_id,
                   count(*) FILTER (WHERE state <> 'inactive') AS devices,
                   count(*) FILTER (WHERE state = 'online') AS online,
                   count(*) FILTER (WHERE state = 'offline') AS offline,
                   count(*) FILTER (WHERE state = 'stale') AS stale,
                   count(*) FILTER (WHERE state = 'never_seen') AS never_seen,
                   max(last_seen) AS last_message,
                   max(last_reading_time) AS last_reading,
                   sum(reading_count) AS readings_stored
            FROM device_state GROUP BY building_id
          ),
          fleet AS (
            SELECT b.id, b.name, b.active, coalesce(p.devices, 0) AS devices,
                   coalesce(p.online, 0) AS online, coalesce(p.offline, 0) AS offline,
                   coalesce(p.stale, 0) AS stale, coalesce(p.never_seen, 0) AS never_seen,
                   p.last_message, p.last_reading, coalesce(r.quarantined, 0) AS quarantined,
                   coalesce(p.readings_stored, 0) AS readings_stored
            FROM buildings b
            LEFT JOIN per_building p ON p.building_id = b.id
            LEFT JOIN recent_quarantine r ON r.building_id = b.id
          )
          """;

  private static final String PAGE =
      ROWS
          + """
          SELECT id, name, active, devices, online, offline, stale, never_seen, last_message,
                 last_reading, quarantined, readings_stored, count(*) OVER () AS total
          FROM fleet
          WHERE (?::text IS NULL OR lower(id) LIKE ? OR lower(name) LIKE ?) AND (%s)
          ORDER BY %s %s NULLS LAST, id
          LIMIT ? OFFSET ?
          """;

  private static final String SUMMARY;

  static {
    StringBuilder perFilter = new StringBuilder();
    for (FleetFilter filter : FleetFilter.values()) {
      perFilter.append(", count(*) FILTER (WHERE ").append(filter.predicate).append(")");
    }
    SUMMARY =
        ROWS
            + "SELECT count(*), coalesce(sum(devices), 0), coalesce(sum(online), 0),"
            + " coalesce(sum(offline), 0), coalesce(sum(stale), 0), coalesce(sum(never_seen), 0),"
            + " coalesce(sum(quarantined), 0), coalesce(sum(readings_stored), 0)"
            + perFilter
            + " FROM fleet";
  }

  private static final String DEVICES =
      DEVICE_STATE
          + """
          SELECT ds.id, ds.active, ds.gateway_id, ds.state, ds.last_seen, ds.last_reading_time,
                 ds.state_changed_at, ds.message_count, ds.reading_count
          FROM device_state ds ORDER BY ds.id
          """;

  private static final String DEVICE_QUARANTINE =
      """
      SELECT q.device_id, q.reason, count(*), count(*) FILTER (WHERE q.received_at >= ?)
      FROM quarantine q JOIN devices d ON d.id = q.device_id
      WHERE d.building_id = ?
      GROUP BY q.device_id, q.reason
      """;

  private static final String BUILDING_EXISTS = "SELECT 1 FROM buildings WHERE id = ?";

  private static final String READINGS_PER_BUILDING =
      "SELECT building_id, sum(reading_count) FROM device_status GROUP BY building_id";

  /** One page of buildings and the number of all that match. */
  public record Page(List<FleetBuilding> buildings, long total) {}

  private final Duration offlineAfter;
  private final Duration quarantineWindow;

  /**
   * @param offlineAfter the ingestion's offline time: no message for this long means offline, a
   *     newest reading older than this means stale
   * @param quarantineWindow how far back quarantined messages make a building "quarantining"
   */
  public FleetQueries(Duration offlineAfter, Duration quarantineWindow) {
    this.offlineAfter = offlineAfter;
    this.quarantineWindow = quarantineWindow;
  }

  public Duration offlineAfter() {
    return offlineAfter;
  }

  public Duration quarantineWindow() {
    return quarantineWindow;
  }

  /**
   * @param text part of the building's id or name, case-insensitive; null for all
   */
  public Page page(
      Connection connection,
      String text,
      FleetFilter filter,
      FleetSort sort,
      boolean descending,
      int offset,
      int limit,
      Instant now)
      throws SQLException {
    // the filter and sort are enum constants' own SQL text, everything else is bound
    String sql = PAGE.formatted(filter.predicate, sort.column, descending ? "DESC" : "ASC");
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      int i = bindParams(select, now, null);
      String like = LikePatterns.containing(text);
      select.setString(i++, like);
      select.setString(i++, like);
      select.setString(i++, like);
      select.setInt(i++, limit);
      select.setInt(i, offset);
      List<FleetBuilding> buildings = new ArrayList<>();
      long total = 0;
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          buildings.add(building(rs));
          total = rs.getLong(13);
        }
      }
      if (buildings.isEmpty() && offset > 0) {
        // past the last page the window function saw no row: count without paging
        total = page(connection, text, filter, sort, descending, 0, 1, now).total();
      }
      return new Page(buildings, total);
    }
  }

  public FleetSummary summary(Connection connection, Instant now) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(SUMMARY)) {
      bindParams(select, now, null);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        Map<FleetFilter, Long> perFilter = new EnumMap<>(FleetFilter.class);
        int column = 9;
        for (FleetFilter filter : FleetFilter.values()) {
          perFilter.put(filter, rs.getLong(column++));
        }
        return new FleetSummary(
            rs.getLong(1),
            rs.getLong(2),
            rs.getLong(3),
            rs.getLong(4),
            rs.getLong(5),
            rs.getLong(6),
            rs.getLong(7),
            rs.getLong(8),
            perFilter);
      }
    }
  }

  public boolean buildingExists(Connection connection, String buildingId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(BUILDING_EXISTS)) {
      select.setString(1, buildingId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Every device of one building, active or not, by id. */
  public List<FleetDevice> devices(Connection connection, String buildingId, Instant now)
      throws SQLException {
    Map<String, Map<String, Long>> byReason = new HashMap<>();
    Map<String, Long> recent = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement(DEVICE_QUARANTINE)) {
      select.setTimestamp(1, Timestamp.from(now.minus(quarantineWindow)));
      select.setString(2, buildingId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          byReason
              .computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
              .put(rs.getString(2), rs.getLong(3));
          recent.merge(rs.getString(1), rs.getLong(4), Long::sum);
        }
      }
    }
    List<FleetDevice> devices = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(DEVICES)) {
      bindParams(select, now, buildingId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          devices.add(
              new FleetDevice(
                  id,
                  rs.getBoolean(2),
                  rs.getString(3),
                  rs.getString(4),
                  instant(rs, 5),
                  instant(rs, 6),
                  instant(rs, 7),
                  rs.getLong(8),
                  rs.getLong(9),
                  recent.getOrDefault(id, 0L),
                  byReason.getOrDefault(id, Map.of())));
        }
      }
    }
    return devices;
  }

  /** Readings stored per building so far (counters; a rate is their change between two reads). */
  public Map<String, Long> readingsPerBuilding(Connection connection) throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement(READINGS_PER_BUILDING);
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
    }
    return counts;
  }

  private int bindParams(PreparedStatement statement, Instant now, String buildingId)
      throws SQLException {
    statement.setTimestamp(1, Timestamp.from(now.minus(offlineAfter)));
    statement.setTimestamp(2, Timestamp.from(now.minus(quarantineWindow)));
    statement.setString(3, buildingId);
    return 4;
  }

  private static FleetBuilding building(ResultSet rs) throws SQLException {
    return new FleetBuilding(
        rs.getString(1),
        rs.getString(2),
        rs.getBoolean(3),
        rs.getInt(4),
        rs.getInt(5),
        rs.getInt(6),
        rs.getInt(7),
        rs.getInt(8),
        instant(rs, 9),
        instant(rs, 10),
        rs.getLong(11),
        rs.getLong(12));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
