package de.vorlauf.webadmin.ops;

import de.vorlauf.persistence.ingest.DeviceStatusStore;
import de.vorlauf.persistence.ingest.QuarantineStore;
import de.vorlauf.persistence.timeseries.StorageMode;
import de.vorlauf.webadmin.ingest.IngestService;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The fleet as ops see it: per device and building the liveness the ingestion keeps in {@code
 * device_status} (H5's pipeline: offline after N minutes without a message, online again after 2),
 * the arrival rate, and the quarantine per reason. Read-only; one query per aspect, joined here.
 */
@ApplicationScoped
public class OpsService {

  static final int RATE_WINDOW_MINUTES = 5;

  private static final String DEVICES =
      """
      SELECT d.id, d.building_id, d.active FROM devices d
      WHERE (?::text IS NULL OR d.building_id = ?)
      ORDER BY d.id
      """;

  private static final String BUILDINGS = "SELECT id, name, active FROM buildings ORDER BY id";

  // readings measured in the last minutes: the series layout keeps no receive time per row; for a
  // live device the two agree, a backfill of old hours does not count as current rate
  private static final String RATES =
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

  @Resource(lookup = "java:jboss/datasources/VorlaufDS")
  DataSource dataSource;

  @Inject IngestService ingest;

  private final Clock clock = Clock.systemUTC();

  /** Every device, optionally of one building. */
  public List<DeviceHealth> devices(String buildingId) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return devices(connection, buildingId);
    }
  }

  public List<BuildingHealth> buildings() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      List<DeviceHealth> devices = devices(connection, null);
      Map<String, List<DeviceHealth>> byBuilding = new HashMap<>();
      devices.forEach(
          d -> byBuilding.computeIfAbsent(d.buildingId(), k -> new ArrayList<>()).add(d));
      List<BuildingHealth> result = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement(BUILDINGS);
          ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          result.add(
              summarise(
                  id, rs.getString(2), rs.getBoolean(3), byBuilding.getOrDefault(id, List.of())));
        }
      }
      return result;
    }
  }

  /** Rows per reason in the quarantine and dropped beyond its cap, since the start. */
  public List<QuarantineStore.ReasonCount> quarantineCounts() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return new QuarantineStore().counts(connection);
    }
  }

  /** Which storage the readings use; asks the database (the REST writer may not run yet). */
  public StorageMode storageMode() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return StorageMode.detect(connection);
    }
  }

  static BuildingHealth summarise(
      String id, String name, boolean active, List<DeviceHealth> devices) {
    int online = 0;
    int offline = 0;
    int never = 0;
    Instant lastSeen = null;
    double rate = 0;
    Map<String, Long> quarantine = new TreeMap<>();
    for (DeviceHealth d : devices) {
      switch (d.state()) {
        case DeviceHealth.ONLINE -> online++;
        case DeviceHealth.OFFLINE -> offline++;
        default -> never++;
      }
      if (d.lastSeen() != null && (lastSeen == null || d.lastSeen().isAfter(lastSeen))) {
        lastSeen = d.lastSeen();
      }
      rate += d.readingsPerMinute();
      d.quarantineByReason().forEach((reason, n) -> quarantine.merge(reason, n, Long::sum));
    }
    return new BuildingHealth(
        id, name, active, devices.size(), online, offline, never, lastSeen, rate, quarantine);
  }

  private List<DeviceHealth> devices(Connection connection, String buildingId) throws SQLException {
    Instant now = clock.instant();
    Map<String, DeviceStatusStore.DeviceStatus> status = new HashMap<>();
    for (DeviceStatusStore.DeviceStatus s :
        new DeviceStatusStore(ingest.liveness()).list(connection, buildingId, now)) {
      status.put(s.deviceId(), s);
    }
    Map<String, Long> arrivals = rates(connection);
    Map<String, Map<String, Long>> quarantine = quarantineByDevice(connection);
    List<DeviceHealth> result = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(DEVICES)) {
      select.setString(1, buildingId);
      select.setString(2, buildingId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          DeviceStatusStore.DeviceStatus s = status.get(id);
          result.add(
              new DeviceHealth(
                  id,
                  rs.getString(2),
                  rs.getBoolean(3),
                  s == null
                      ? DeviceHealth.NEVER_SEEN
                      : s.online() ? DeviceHealth.ONLINE : DeviceHealth.OFFLINE,
                  s == null ? null : s.lastSeen(),
                  s == null ? null : s.lastReadingTime(),
                  s == null ? null : s.stateChangedAt(),
                  arrivals.getOrDefault(id, 0L) / (double) RATE_WINDOW_MINUTES,
                  s == null ? 0 : s.messageCount(),
                  s == null ? 0 : s.readingCount(),
                  quarantine.getOrDefault(id, Map.of())));
        }
      }
    }
    return result;
  }

  private static Map<String, Long> rates(Connection connection) throws SQLException {
    Map<String, Long> rates = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement(RATES)) {
      select.setInt(1, RATE_WINDOW_MINUTES);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rates.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return rates;
  }

  private static Map<String, Map<String, Long>> quarantineByDevice(Connection connection)
      throws SQLException {
    Map<String, Map<String, Long>> counts = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement(QUARANTINE);
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        counts
            .computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
            .put(rs.getString(2), rs.getLong(3));
      }
    }
    return counts;
  }
}
