package de.vorlauf.persistence.ops;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.devstack.PostgresOptions;
import de.vorlauf.devstack.PostgresService;
import de.vorlauf.devstack.RunningPostgres;
import de.vorlauf.persistence.Migrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The fleet's triage queries and the quarantine browser against a real PostgreSQL, with one
 * building per device state: online, offline, stale (backlog: messages now, newest reading ten days
 * old), never seen, quarantining, and one inactive building.
 */
class FleetQueriesIT {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  @TempDir static Path dbDir;
  private static RunningPostgres postgres;
  private static PGSimpleDataSource dataSource;

  private final FleetQueries fleet = new FleetQueries(Duration.ofMinutes(10), Duration.ofHours(24));
  private final QuarantineSearch quarantine = new QuarantineSearch();

  @BeforeAll
  static void fleetInEveryState() throws SQLException {
    postgres = PostgresService.start(PostgresOptions.forTest(dbDir));
    dataSource = new PGSimpleDataSource();
    dataSource.setUrl(postgres.jdbcUrl());
    dataSource.setUser(postgres.user());
    dataSource.setPassword(postgres.password());
    Migrations.migrate(dataSource);
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
  }

  @AfterAll
  static void stop() {
    if (postgres != null) {
      postgres.close();
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
    try (Connection c = dataSource.getConnection()) {
      FleetBuilding stale =
          fleet
              .page(c, "b-stale", FleetFilter.ALL, FleetSort.ID, false, 0, 10, NOW)
              .buildings()
              .get(0);
      assertThat(stale.online()).isZero();
      assertThat(stale.stale()).isEqualTo(1);
      assertThat(stale.lastMessage()).isEqualTo(NOW.minusSeconds(5));
      assertThat(stale.lastReading()).isEqualTo(NOW.minus(Duration.ofDays(10)));
      assertThat(stale.readingsStored()).isEqualTo(90_000);

      List<FleetDevice> devices = fleet.devices(c, "b-quarantine", NOW);
      assertThat(devices)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.state()).isEqualTo("online");
                assertThat(d.quarantinedRecently()).isEqualTo(2);
                assertThat(d.quarantineByReason())
                    .containsEntry("out_of_range", 2L)
                    .containsEntry("unknown_unit", 1L);
              });
      assertThat(fleet.devices(c, "b-inactive", NOW))
          .extracting(FleetDevice::state)
          .containsExactly("inactive");
    }
  }

  @Test
  void pagesAreSortedAndCountAllMatches() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      FleetQueries.Page first =
          fleet.page(c, null, FleetFilter.ALL, FleetSort.LAST_READING, true, 0, 2, NOW);
      assertThat(first.total()).isEqualTo(6);
      assertThat(first.buildings())
          .extracting(FleetBuilding::id)
          .containsExactly("b-quarantine", "b-online");
      FleetQueries.Page last =
          fleet.page(c, null, FleetFilter.ALL, FleetSort.LAST_READING, true, 4, 2, NOW);
      // never seen has no reading: last, whichever the direction
      assertThat(last.buildings()).extracting(FleetBuilding::id).endsWith("b-never");
      FleetQueries.Page beyond =
          fleet.page(c, null, FleetFilter.ALL, FleetSort.ID, false, 100, 2, NOW);
      assertThat(beyond.buildings()).isEmpty();
      assertThat(beyond.total()).isEqualTo(6);
    }
  }

  @Test
  void theSummaryCountsDevicesAndBuildingsPerView() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      FleetSummary summary = fleet.summary(c, NOW);
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
      assertThat(fleet.readingsPerBuilding(c)).containsEntry("b-stale", 90_000L);
    }
  }

  @Test
  void quarantineRowsAreFilteredBySensorGroupedAndShowTheirOwnTimestamp() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      QuarantineSearch.Criteria bySensor =
          new QuarantineSearch.Criteria("d-quarantine", "outdoor_temp", null, null, null);
      QuarantineSearch.Page page = quarantine.page(c, bySensor, true, 0, 10);
      assertThat(page.total()).isEqualTo(2);
      assertThat(page.rows())
          .extracting(QuarantineSearch.Row::readingTimestamp)
          .containsExactly("2026-06-01T11:58:10Z", "2026-06-01T11:58:00Z");
      assertThat(quarantine.page(c, bySensor, false, 0, 1).rows().get(0).readingTimestamp())
          .isEqualTo("2026-06-01T11:58:00Z");
      assertThat(quarantine.ids(c, bySensor, 10)).hasSize(2);

      QuarantineSearch.Criteria all =
          new QuarantineSearch.Criteria("d-quarantine", null, null, null, null);
      assertThat(quarantine.groups(c, all, QuarantineSearch.GroupBy.REASON, 10))
          .extracting(QuarantineSearch.Group::key, QuarantineSearch.Group::rows)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("out_of_range", 2L),
              org.assertj.core.groups.Tuple.tuple("unknown_unit", 1L));
      assertThat(quarantine.groups(c, all, QuarantineSearch.GroupBy.SENSOR, 10))
          .extracting(QuarantineSearch.Group::key)
          .containsExactly("outdoor_temp", "flow_temp");
      assertThat(quarantine.reasonsSeen(c)).contains("out_of_range", "unknown_unit");
    }
  }

  private List<String> ids(FleetFilter filter, String text) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return fleet.page(c, text, filter, FleetSort.ID, false, 0, 50, NOW).buildings().stream()
          .map(FleetBuilding::id)
          .toList();
    }
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
