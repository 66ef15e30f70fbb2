package de.vorlauf.persistence.ops;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.RepositoryDatabase;
import de.vorlauf.persistence.timeseries.StorageMode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fleet view's queries against a real, migrated PostgreSQL (one set of rows for all). */
class FleetRepositoryIT {

  @TempDir static Path dbDir;
  private static RepositoryDatabase db;
  private static FleetRepository fleet;

  @BeforeAll
  static void start() throws SQLException {
    db = RepositoryDatabase.start(dbDir);
    fleet = new FleetRepository(db.dataSource());
    db.execute(
        "INSERT INTO buildings (id, name, time_zone, heating_type) VALUES"
            + " ('fl-b', 'Bad', 'Europe/Berlin', 'gas'), ('fl-a', 'Amt', 'Europe/Berlin', 'gas')",
        "UPDATE buildings SET active = false WHERE id = 'fl-b'",
        "INSERT INTO devices (id, building_id) VALUES ('fl-2', 'fl-a'), ('fl-1', 'fl-a')",
        "INSERT INTO devices (id, building_id, active) VALUES ('fl-3', 'fl-b', false)",
        // three readings of fl-1 measured just now, one of fl-2 measured 10 minutes ago (the
        // series layout keeps the measurement time only)
        """
        INSERT INTO series (building_id, device_id, sensor_id, unit)
        VALUES ('fl-a', 'fl-1', 'flow_temp', 'C'), ('fl-a', 'fl-2', 'flow_temp', 'C')
        """,
        """
        INSERT INTO readings (series_id, time, value)
        SELECT s.id, now() - make_interval(secs => g), 40
        FROM series s, generate_series(1, 3) AS g WHERE s.device_id = 'fl-1'
        """,
        """
        INSERT INTO readings (series_id, time, value)
        SELECT id, now() - interval '10 minutes', 41 FROM series WHERE device_id = 'fl-2'
        """,
        """
        INSERT INTO quarantine (source, device_id, reason, message_key, part) VALUES
          ('rest', 'fl-1', 'out_of_range', 'k1', 0), ('rest', 'fl-1', 'out_of_range', 'k1', 1),
          ('rest', 'fl-1', 'unknown_unit', 'k2', 0), ('rest', 'fl-3', 'inactive_device', 'k3', 0),
          ('mqtt', NULL, 'malformed_json', 'k4', 0)
        """);
  }

  @AfterAll
  static void stop() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void buildingsAndDevicesComeSortedById() throws SQLException {
    assertThat(fleet.buildings())
        .containsExactly(
            new FleetRepository.Building("fl-a", "Amt", true),
            new FleetRepository.Building("fl-b", "Bad", false));
    assertThat(fleet.devices(null))
        .containsExactly(
            new FleetRepository.Device("fl-1", "fl-a", true),
            new FleetRepository.Device("fl-2", "fl-a", true),
            new FleetRepository.Device("fl-3", "fl-b", false));
    assertThat(fleet.devices("fl-b"))
        .containsExactly(new FleetRepository.Device("fl-3", "fl-b", false));
    assertThat(fleet.devices("nowhere")).isEmpty();
  }

  @Test
  void arrivalsCountOnlyTheWindow() throws SQLException {
    assertThat(fleet.arrivalsPerDevice(5)).containsExactly(Map.entry("fl-1", 3L));
    assertThat(fleet.arrivalsPerDevice(15))
        .containsOnly(Map.entry("fl-1", 3L), Map.entry("fl-2", 1L));
  }

  @Test
  void quarantineIsCountedPerDeviceAndReasonLeavingOutPartsWithoutDevice() throws SQLException {
    Map<String, Map<String, Long>> counts = fleet.quarantinePerDevice();

    assertThat(counts).containsOnlyKeys("fl-1", "fl-3");
    assertThat(counts.get("fl-1"))
        .containsExactly(Map.entry("out_of_range", 2L), Map.entry("unknown_unit", 1L));
    assertThat(counts.get("fl-3")).containsExactly(Map.entry("inactive_device", 1L));
  }

  @Test
  void storageModeIsTheMigrationsChoice() throws SQLException {
    // the embedded PostgreSQL has no TimescaleDB: V3 chose native partitions
    assertThat(fleet.storageMode()).isEqualTo(StorageMode.PLAIN_POSTGRESQL);
  }
}
