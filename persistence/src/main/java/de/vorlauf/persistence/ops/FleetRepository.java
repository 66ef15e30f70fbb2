package de.vorlauf.persistence.ops;

import de.vorlauf.persistence.timeseries.StorageMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Read-only queries of the fleet view: the registered buildings and devices, recent arrivals and
 * quarantined parts per device. One query per aspect; the fleet view joins them in memory.
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
}
