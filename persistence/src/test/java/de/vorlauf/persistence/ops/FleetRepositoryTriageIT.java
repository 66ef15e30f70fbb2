package de.vorlauf.persistence.ops;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.RepositoryDatabase;
import de.vorlauf.persistence.paging.Page;
import de.vorlauf.persistence.paging.PageRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet's triage queries against a real, migrated PostgreSQL, with one building per device
 * state: online, offline, stale (backlog: messages now, newest reading ten days old), never seen,
 * quarantining, and one inactive building.
 */
class FleetRepositoryTriageIT {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final PageRequest PAGE_OF_TEN = new PageRequest(0, 10);
  private static final FleetRules RULES =
      new FleetRules(Duration.ofMinutes(10), Duration.ofHours(24));

  @TempDir static Path dbDir;
  private static RepositoryDatabase db;
  private static DataSource dataSource;
  private static FleetRepository fleet;

  @BeforeAll
  static void fleetInEveryState() throws SQLException {
    db = RepositoryDatabase.start(dbDir);
    dataSource = db.dataSource();
    fleet = new FleetRepository(dataSource);
    building("b-online", "Alpha", true);
    building("b-offline", "Bravo", true);
    building("b-stale", "Charlie", true);
    building("b-never", "Delta", true);
    building("b-quarantine", "Echo 100%", true);
    building("b-inactive", "Foxtrot", false);
    device("d-online", "b-online", true);
    device("d-offline", "b-offline", true);
    device("d-stale", "b-stale", true);
    device("d-never", "b-never", true);
    device("d-quarantine", "b-quarantine", true);
    device("d-inactive", "b-inactive", false);
    status("d-online", "b-online", true, NOW.minusSeconds(30), NOW.minusSeconds(40), 1_000);
    status("d-offline", "b-offline", false, NOW.minusSeconds(3_600), NOW.minusSeconds(3_600), 50);
    status("d-stale", "b-stale", true, NOW.minusSeconds(5), NOW.minus(Duration.ofDays(10)), 90_000);
    status("d-quarantine", "b-quarantine", true, NOW.minusSeconds(5), NOW.minusSeconds(6), 10);
    // online in the table, but silent for longer than the offline time: the sweep has not run yet
    status("d-inactive", "b-inactive", true, NOW.minusSeconds(7_200), NOW.minusSeconds(7_200), 5);
    quarantined("d-quarantine", "out_of_range", "outdoor_temp", NOW.minusSeconds(60), 1);
    quarantined("d-quarantine", "out_of_range", "outdoor_temp", NOW.minusSeconds(50), 2);
    quarantined("d-quarantine", "unknown_unit", "flow_temp", NOW.minus(Duration.ofDays(3)), 3);
    update(
        "INSERT INTO device_metadata (device_id, firmware_version, signal_strength, reported_at)"
            + " VALUES (?, '2.4.1', -67, ?)",
        "d-quarantine",
        Timestamp.from(NOW.minusSeconds(5)));
  }

  @AfterAll
  static void stop() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void problemsOnlyShowsOfflineStaleNeverSeenAndQuarantiningActiveBuildings() throws SQLException {
    assertThat(ids(FleetFilter.PROBLEMS, null))
        .containsExactly("b-never", "b-offline", "b-quarantine", "b-stale");
    assertThat(ids(FleetFilter.OFFLINE, null)).containsExactly("b-offline");
    assertThat(ids(FleetFilter.STALE, null)).containsExactly("b-stale");
    assertThat(ids(FleetFilter.NEVER_SEEN, null)).containsExactly("b-never");
    assertThat(ids(FleetFilter.QUARANTINING, null)).containsExactly("b-quarantine");
    assertThat(ids(FleetFilter.INACTIVE, null)).containsExactly("b-inactive");
    assertThat(ids(FleetFilter.ALL, "ECHO 100%")).containsExactly("b-quarantine");
    // a search for LIKE's own characters finds them literally
    assertThat(ids(FleetFilter.ALL, "%")).containsExactly("b-quarantine");
    assertThat(ids(FleetFilter.ALL, "_")).isEmpty();
  }

  @Test
  void aStaleBuildingIsNeverOnlineAndShowsLastMessageApartFromLastReading() throws SQLException {
    FleetBuilding stale =
        fleet
            .page(RULES, "b-stale", FleetFilter.ALL, FleetSort.ID, false, PAGE_OF_TEN, NOW)
            .items()
            .get(0);
    assertThat(stale.online()).isZero();
    assertThat(stale.stale()).isEqualTo(1);
    assertThat(stale.lastMessage()).isEqualTo(NOW.minusSeconds(5));
    assertThat(stale.lastReading()).isEqualTo(NOW.minus(Duration.ofDays(10)));
    assertThat(stale.readingsStored()).isEqualTo(90_000);

    List<FleetDevice> devices = fleet.deviceStates(RULES, "b-quarantine", NOW);
    assertThat(devices)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.state()).isEqualTo("online");
              assertThat(d.quarantinedRecently()).isEqualTo(2);
              assertThat(d.quarantineByReason())
                  .containsEntry("out_of_range", 2L)
                  .containsEntry("unknown_unit", 1L);
              assertThat(d.report())
                  .isEqualTo(new FleetDevice.Report("2.4.1", -67, NOW.minusSeconds(5)));
            });
    assertThat(fleet.deviceStates(RULES, "b-stale", NOW))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.state()).isEqualTo("stale");
              assertThat(d.report()).isNull();
            });
    assertThat(fleet.deviceStates(RULES, "b-inactive", NOW))
        .extracting(FleetDevice::state)
        .containsExactly("inactive");
    assertThat(fleet.buildingExists("b-stale")).isTrue();
    assertThat(fleet.buildingExists("nowhere")).isFalse();
  }

  @Test
  void pagesAreSortedAndCountAllMatches() throws SQLException {
    Page<FleetBuilding> first =
        fleet.page(
            RULES, null, FleetFilter.ALL, FleetSort.LAST_READING, true, new PageRequest(0, 2), NOW);
    assertThat(first.total()).isEqualTo(6);
    assertThat(first.items())
        .extracting(FleetBuilding::id)
        .containsExactly("b-quarantine", "b-online");
    Page<FleetBuilding> last =
        fleet.page(
            RULES, null, FleetFilter.ALL, FleetSort.LAST_READING, true, new PageRequest(2, 2), NOW);
    // never seen has no reading: last, whichever the direction
    assertThat(last.items()).extracting(FleetBuilding::id).endsWith("b-never");
    Page<FleetBuilding> beyond =
        fleet.page(RULES, null, FleetFilter.ALL, FleetSort.ID, false, new PageRequest(50, 2), NOW);
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.total()).isEqualTo(6);
  }

  @Test
  void theSummaryCountsDevicesAndBuildingsPerView() throws SQLException {
    FleetSummary summary = fleet.summary(RULES, NOW);
    assertThat(summary.buildings()).isEqualTo(6);
    assertThat(summary.devices()).isEqualTo(5);
    assertThat(summary.online()).isEqualTo(2);
    assertThat(summary.offline()).isEqualTo(1);
    assertThat(summary.stale()).isEqualTo(1);
    assertThat(summary.neverSeen()).isEqualTo(1);
    assertThat(summary.quarantinedRecently()).isEqualTo(2);
    assertThat(summary.buildingsPerFilter())
        .containsEntry(FleetFilter.PROBLEMS, 4L)
        .containsEntry(FleetFilter.INACTIVE, 1L)
        .containsEntry(FleetFilter.ALL, 6L);
    assertThat(fleet.readingsStoredPerBuilding()).containsEntry("b-stale", 90_000L);
  }

  private static List<String> ids(FleetFilter filter, String text) throws SQLException {
    return fleet
        .page(RULES, text, filter, FleetSort.ID, false, new PageRequest(0, 50), NOW)
        .items()
        .stream()
        .map(FleetBuilding::id)
        .toList();
  }

  private static void building(String id, String name, boolean active) throws SQLException {
    update(
        "INSERT INTO buildings (id, name, time_zone, heating_type, active)"
            + " VALUES (?, ?, 'Europe/Berlin', 'gas', ?)",
        id,
        name,
        active);
  }

  private static void device(String id, String building, boolean active) throws SQLException {
    update("INSERT INTO devices (id, building_id, active) VALUES (?, ?, ?)", id, building, active);
  }

  private static void status(
      String device,
      String building,
      boolean online,
      Instant lastSeen,
      Instant lastReading,
      long readings)
      throws SQLException {
    update(
        "INSERT INTO device_status (device_id, building_id, first_seen, last_seen,"
            + " last_reading_time, message_count, reading_count, online, state_changed_at)"
            + " VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)",
        device,
        building,
        Timestamp.from(lastSeen.minusSeconds(86_400)),
        Timestamp.from(lastSeen),
        Timestamp.from(lastReading),
        readings,
        online,
        Timestamp.from(lastSeen));
  }

  private static void quarantined(
      String device, String reason, String sensor, Instant received, int n) throws SQLException {
    String payload =
        "{\"device_id\": \"%s\", \"timestamp\": \"%s\", \"readings\": []}"
            .formatted(device, received.minusSeconds(60));
    update(
        "INSERT INTO quarantine (received_at, source, device_id, reason, sensor_id, payload,"
            + " message_key, part) VALUES (?, 'mqtt', ?, ?, ?, ?, ?, 0)",
        Timestamp.from(received),
        device,
        reason,
        sensor,
        payload,
        "key-" + n);
  }

  private static void update(String sql, Object... values) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }
}
