package de.vorlauf.persistence.ops;

import de.vorlauf.persistence.jdbc.LikePatterns;
import de.vorlauf.persistence.paging.Page;
import de.vorlauf.persistence.paging.PageRequest;
import de.vorlauf.persistence.timeseries.StorageMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Read-only queries of the fleet: the overview's per-aspect reads (registered buildings and
 * devices, recent arrivals, quarantined parts per device; the overview joins them in memory), and
 * the triage reads for 10,000 buildings: one page of buildings filtered, searched and sorted in the
 * database, the fleet's totals, and the devices of one building.
 *
 * <p>A device's triage state follows the ingestion's liveness rule ({@code device_status.online},
 * and no message for the offline time means offline even before the sweep ran) and adds staleness:
 * a device whose messages arrive but whose newest reading (its measurement time, which the
 * ingestion keeps per device from the readings it stored) is older than the offline time is stale,
 * never online. The last message and the last reading are kept apart throughout.
 */
public class FleetRepository {

  /** A registered building. */
  public record Building(String id, String name, boolean active) {}

  /** A registered device. */
  public record Device(String id, String buildingId, boolean active) {}

  private static final String DEVICES =
      """
      SELECT d.id, d.building_id, d.active FROM devices d
      WHERE (?::text IS NULL OR d.building_id = ?)
      ORDER BY d.id
      """;

  private static final String BUILDINGS =
      """
      SELECT id, name, active FROM buildings ORDER BY id
      """;

  // arrivals of the last minutes; the bound on "time" lets PostgreSQL prune to recent partitions
  // readings measured in the last minutes: the series layout keeps no receive time per row; for a
  // live device the two agree, a backfill of old hours does not count as current rate
  private static final String ARRIVALS =
      """
      SELECT device_id, count(*) FROM sensor_readings
      WHERE time > now() - make_interval(mins => ?) AND time <= now() + interval '5 minutes'
      GROUP BY device_id
      """;

  private static final String QUARANTINE =
      """
      SELECT device_id, reason, count(*) FROM quarantine
      WHERE device_id IS NOT NULL GROUP BY device_id, reason
      """;

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
          WHERE (?::text IS NULL OR lower(id) LIKE ? OR lower(name) LIKE ?) AND (%s) AND (%s)
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

  // with what each device last said about itself (V63: firmware, signal, when)
  private static final String DEVICE_STATES =
      DEVICE_STATE
          + """
          SELECT ds.id, ds.active, ds.gateway_id, ds.state, ds.last_seen, ds.last_reading_time,
                 ds.state_changed_at, ds.message_count, ds.reading_count, m.firmware_version,
                 m.signal_strength, m.reported_at
          FROM device_state ds LEFT JOIN device_metadata m ON m.device_id = ds.id
          ORDER BY ds.id
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

  private final DataSource dataSource;

  public FleetRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * @param buildingId only the devices of this building; null for all
   */
  public List<Device> devices(String buildingId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(DEVICES)) {
      select.setString(1, buildingId);
      select.setString(2, buildingId);
      List<Device> devices = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          devices.add(new Device(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
        }
      }
      return devices;
    }
  }

  public List<Building> buildings() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(BUILDINGS);
        ResultSet rs = select.executeQuery()) {
      List<Building> buildings = new ArrayList<>();
      while (rs.next()) {
        buildings.add(new Building(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
      }
      return buildings;
    }
  }

  /**
   * Readings measured in the last {@code minutes} (the series layout stores no receive time), per
   * device; devices without any are left out.
   */
  public Map<String, Long> arrivalsPerDevice(int minutes) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(ARRIVALS)) {
      select.setInt(1, minutes);
      Map<String, Long> arrivals = new HashMap<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          arrivals.put(rs.getString(1), rs.getLong(2));
        }
      }
      return arrivals;
    }
  }

  /** Quarantined parts per device and reason code (sorted); devices without any are left out. */
  public Map<String, Map<String, Long>> quarantinePerDevice() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(QUARANTINE);
        ResultSet rs = select.executeQuery()) {
      Map<String, Map<String, Long>> counts = new HashMap<>();
      while (rs.next()) {
        counts
            .computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
            .put(rs.getString(2), rs.getLong(3));
      }
      return counts;
    }
  }

  /** Which storage the readings use, asked of the database. */
  public StorageMode storageMode() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return StorageMode.detect(connection);
    }
  }

  /**
   * One page of buildings for triage.
   *
   * @param text part of the building's id or name, case-insensitive; null for all
   */
  public Page<FleetBuilding> page(
      FleetRules rules,
      String text,
      FleetFilter filter,
      FleetSort sort,
      boolean descending,
      PageRequest page,
      Instant now)
      throws SQLException {
    return page(rules, text, filter, FleetOptimizationFilter.ALL, sort, descending, page, now);
  }

  /**
   * One page of buildings for triage, also filtered by their optimisation and delivery.
   *
   * @param text part of the building's id or name, case-insensitive; null for all
   */
  public Page<FleetBuilding> page(
      FleetRules rules,
      String text,
      FleetFilter filter,
      FleetOptimizationFilter optimization,
      FleetSort sort,
      boolean descending,
      PageRequest page,
      Instant now)
      throws SQLException {
    // the filters and sort are enum constants' own SQL text, everything else is bound
    String sql =
        PAGE.formatted(
            filter.predicate, optimization.predicate, sort.column, descending ? "DESC" : "ASC");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      int i = bindParams(select, rules, now, null);
      String like = LikePatterns.containing(text);
      select.setString(i++, like);
      select.setString(i++, like);
      select.setString(i++, like);
      select.setInt(i++, page.size());
      select.setInt(i, page.offset());
      List<FleetBuilding> buildings = new ArrayList<>();
      long total = 0;
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          buildings.add(building(rs));
          total = rs.getLong(13);
        }
      }
      if (buildings.isEmpty() && page.page() > 0) {
        // past the last page the window function saw no row: count without paging
        total =
            page(rules, text, filter, optimization, sort, descending, new PageRequest(0, 1), now)
                .total();
      }
      return new Page<>(buildings, page.page(), page.size(), total);
    }
  }

  /** The whole fleet in numbers, and how many buildings each preset view shows. */
  public FleetSummary summary(FleetRules rules, Instant now) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(SUMMARY)) {
      bindParams(select, rules, now, null);
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

  public boolean buildingExists(String buildingId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(BUILDING_EXISTS)) {
      select.setString(1, buildingId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Every device of one building, active or not, by id, with its triage state. */
  public List<FleetDevice> deviceStates(FleetRules rules, String buildingId, Instant now)
      throws SQLException {
    Map<String, Map<String, Long>> byReason = new HashMap<>();
    Map<String, Long> recent = new HashMap<>();
    List<FleetDevice> devices = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement select = connection.prepareStatement(DEVICE_QUARANTINE)) {
        select.setTimestamp(1, Timestamp.from(now.minus(rules.quarantineWindow())));
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
      try (PreparedStatement select = connection.prepareStatement(DEVICE_STATES)) {
        bindParams(select, rules, now, buildingId);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            devices.add(device(rs, recent, byReason));
          }
        }
      }
    }
    return devices;
  }

  /** Readings stored per building so far (counters; a rate is their change between two reads). */
  public Map<String, Long> readingsStoredPerBuilding() throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(READINGS_PER_BUILDING);
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
    }
    return counts;
  }

  private static int bindParams(
      PreparedStatement statement, FleetRules rules, Instant now, String buildingId)
      throws SQLException {
    statement.setTimestamp(1, Timestamp.from(now.minus(rules.offlineAfter())));
    statement.setTimestamp(2, Timestamp.from(now.minus(rules.quarantineWindow())));
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

  private static FleetDevice device(
      ResultSet rs, Map<String, Long> recent, Map<String, Map<String, Long>> byReason)
      throws SQLException {
    String id = rs.getString(1);
    int signal = rs.getInt(11);
    Integer signalStrength = rs.wasNull() ? null : signal;
    Instant reportedAt = instant(rs, 12);
    return new FleetDevice(
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
        byReason.getOrDefault(id, Map.of()),
        reportedAt == null
            ? null
            : new FleetDevice.Report(rs.getString(10), signalStrength, reportedAt));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
