package de.vorlauf.webadmin.ops;

import de.vorlauf.domain.ingest.DeviceLiveness;
import de.vorlauf.persistence.ingest.DeviceStatusStore;
import de.vorlauf.persistence.ingest.QuarantineStore;
import de.vorlauf.persistence.ops.FleetRepository;
import de.vorlauf.webadmin.ingest.IngestService;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The fleet as ops see it: per device and building the liveness the ingestion keeps in {@code
 * device_status} (H5's pipeline: offline after N minutes without a message, online again after 2;
 * stale, never online, while its newest reading is older than those N minutes), the arrival rate,
 * and the quarantine per reason. Read-only; one query per aspect, joined here.
 */
@ApplicationScoped
public class OpsService {

  static final int RATE_WINDOW_MINUTES = 5;

  @Inject FleetRepository fleet;
  @Inject IngestService ingest;

  /** For the ingestion's own stores of device status and quarantine counts. */
  @Resource(lookup = "java:jboss/datasources/VorlaufDS")
  DataSource dataSource;

  private final Clock clock = Clock.systemUTC();

  /** The fleet at a glance: totals, per building, quarantine per reason, storage mode. */
  public OpsOverviewDto overview() throws SQLException {
    List<BuildingHealth> buildings = buildings();
    String mode = null;
    String modeProblem = null;
    try {
      mode = fleet.storageMode().label();
    } catch (SQLException | IllegalStateException e) {
      modeProblem = e.getMessage();
    }
    DeviceLiveness liveness = ingest.liveness();
    return new OpsOverviewDto(
        clock.instant(),
        mode,
        modeProblem,
        liveness.offlineAfter().toMinutes(),
        liveness.onlineAfter(),
        buildings.stream().mapToInt(BuildingHealth::devices).sum(),
        buildings.stream().mapToInt(BuildingHealth::online).sum(),
        buildings.stream().mapToInt(BuildingHealth::offline).sum(),
        buildings.stream().mapToInt(BuildingHealth::stale).sum(),
        buildings.stream().mapToInt(BuildingHealth::neverSeen).sum(),
        buildings.stream().mapToDouble(BuildingHealth::readingsPerMinute).sum(),
        quarantineCounts(),
        buildings);
  }

  /**
   * Every device, optionally of one building.
   *
   * @param buildingId null for all
   */
  public List<DeviceHealth> devices(String buildingId) throws SQLException {
    Map<String, DeviceStatusStore.DeviceStatus> status = new HashMap<>();
    Instant now = clock.instant();
    Duration offlineAfter = ingest.liveness().offlineAfter();
    try (Connection connection = dataSource.getConnection()) {
      for (DeviceStatusStore.DeviceStatus s :
          new DeviceStatusStore(ingest.liveness()).list(connection, buildingId, now)) {
        status.put(s.deviceId(), s);
      }
    }
    Map<String, Long> arrivals = fleet.arrivalsPerDevice(RATE_WINDOW_MINUTES);
    Map<String, Map<String, Long>> quarantine = fleet.quarantinePerDevice();
    List<DeviceHealth> result = new ArrayList<>();
    for (FleetRepository.Device device : fleet.devices(buildingId)) {
      DeviceStatusStore.DeviceStatus s = status.get(device.id());
      result.add(
          new DeviceHealth(
              device.id(),
              device.buildingId(),
              device.active(),
              s == null
                  ? DeviceHealth.NEVER_SEEN
                  : DeviceHealth.stateOf(s.online(), s.lastReadingTime(), now, offlineAfter),
              s == null ? null : s.lastSeen(),
              s == null ? null : s.lastReadingTime(),
              s == null ? null : s.stateChangedAt(),
              arrivals.getOrDefault(device.id(), 0L) / (double) RATE_WINDOW_MINUTES,
              s == null ? 0 : s.messageCount(),
              s == null ? 0 : s.readingCount(),
              quarantine.getOrDefault(device.id(), Map.of())));
    }
    return result;
  }

  List<BuildingHealth> buildings() throws SQLException {
    Map<String, List<DeviceHealth>> byBuilding = new HashMap<>();
    devices(null)
        .forEach(d -> byBuilding.computeIfAbsent(d.buildingId(), k -> new ArrayList<>()).add(d));
    List<BuildingHealth> result = new ArrayList<>();
    for (FleetRepository.Building b : fleet.buildings()) {
      result.add(
          summarise(b.id(), b.name(), b.active(), byBuilding.getOrDefault(b.id(), List.of())));
    }
    return result;
  }

  /** Rows per reason in the quarantine and dropped beyond its cap, since the start. */
  private List<ReasonCountDto> quarantineCounts() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return new QuarantineStore()
          .counts(connection).stream()
              .map(c -> new ReasonCountDto(c.reason(), c.stored(), c.dropped()))
              .toList();
    }
  }

  static BuildingHealth summarise(
      String id, String name, boolean active, List<DeviceHealth> devices) {
    int online = 0;
    int offline = 0;
    int stale = 0;
    int never = 0;
    Instant lastSeen = null;
    double rate = 0;
    Map<String, Long> quarantine = new TreeMap<>();
    for (DeviceHealth d : devices) {
      switch (d.state()) {
        case DeviceHealth.ONLINE -> online++;
        case DeviceHealth.OFFLINE -> offline++;
        case DeviceHealth.STALE -> stale++;
        default -> never++;
      }
      if (d.lastSeen() != null && (lastSeen == null || d.lastSeen().isAfter(lastSeen))) {
        lastSeen = d.lastSeen();
      }
      rate += d.readingsPerMinute();
      d.quarantineByReason().forEach((reason, n) -> quarantine.merge(reason, n, Long::sum));
    }
    return new BuildingHealth(
        id,
        name,
        active,
        devices.size(),
        online,
        offline,
        stale,
        never,
        lastSeen,
        rate,
        quarantine);
  }
}
