package de.vorlauf.worker.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.simulator.runtime.GatewayMode;
import de.vorlauf.simulator.runtime.GroundTruthLedger;
import de.vorlauf.simulator.runtime.SimulatedBuilding;
import de.vorlauf.simulator.runtime.Simulator;
import de.vorlauf.simulator.runtime.SimulatorSettings;
import de.vorlauf.worker.ingest.RunningIngest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 4's end-to-end check: 50 simulated buildings backfill one day through the real Mosquitto
 * (generated ACL, one credential per device) into PostgreSQL through the worker's ingestion. Per
 * device and sensor the database holds exactly what the simulator's ledger says was published minus
 * what fault injection broke, and the broken messages are in the quarantine with the reason their
 * fault implies.
 */
class FleetIngestIT {

  private static final Logger log = LoggerFactory.getLogger(FleetIngestIT.class);
  private static final String PREFIX = "fi";

  @TempDir Path dir;

  @Test
  void aBackfilledDayIsStoredReadingByReadingAndTheBrokenMessagesAreQuarantined() throws Exception {
    long started = System.nanoTime();
    try (FleetFixture fx = new FleetFixture(dir)) {
      SimulatorSettings settings =
          SimulatorSettings.defaults(dir.resolve("sim"), fx.broker.url())
              .withIdPrefix(PREFIX)
              .withBuildings(50)
              .withBackfill(Duration.ofDays(1))
              .withGateways(GatewayMode.OFF, 100)
              .withFaults("demo")
              .withThreads(2, 500)
              .withoutCloud();
      fx.provision(settings);
      // ops give one building another curve before the simulator starts: it must run that one
      JdbcProvisioner registry = new JdbcProvisioner(fx.db);
      String changed = PREFIX + "-0001";
      try (Connection c = fx.db.getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  "UPDATE buildings SET curve_base_temp = 41.5, curve_slope = 1.3 WHERE id = ?")) {
        s.setString(1, changed);
        assertThat(s.executeUpdate()).isEqualTo(1);
      }
      RunningIngest ingest = fx.startIngest("fleet-it");
      GroundTruthLedger ledger;
      Simulator simulator =
          Simulator.start(settings, new JdbcProvisioner(fx.db), Clock.systemUTC());
      try {
        assertThat(simulator.awaitLive(Duration.ofMinutes(3))).as("backfill finished").isTrue();
        assertThat(simulator.connections().size()).isEqualTo(50);
        Map<String, BuildingConfig> entries = new HashMap<>();
        registry
            .readBuildings(
                simulator.buildings().stream().map(SimulatedBuilding::buildingId).toList())
            .forEach(e -> entries.put(e.id(), e.config()));
        for (SimulatedBuilding building : simulator.buildings()) {
          assertThat(building.control())
              .as("%s runs its registry entry", building.buildingId())
              .isEqualTo(entries.get(building.buildingId()));
        }
        assertThat(entries.get(changed).curve().baseC()).isEqualTo(41.5);
        log.info(
            "backfill of 50 buildings x 1 day: {} readings in {} ({} readings/s)",
            simulator.ledger().readingsPublished(),
            simulator.runtime().backfillDuration(),
            Math.round(simulator.runtime().backfillRate()));
      } finally {
        simulator.close();
      }
      ledger = simulator.ledger();
      assertThat(Files.exists(settings.stateDir().resolve("backfill.done"))).isTrue();
      assertThat(ledger.refusedMessages()).isZero();
      long malformed =
          ledger.snapshot().values().stream()
              .mapToLong(GroundTruthLedger.DeviceCount::malformedMessages)
              .sum();
      assertThat(malformed).as("demo faults break some messages").isPositive();
      assertThat(ledger.snapshot()).hasSize(50);

      Map<String, Long> expected = FleetFixture.expectedStored(ledger);
      long total = expected.values().stream().mapToLong(Long::longValue).sum();
      assertThat(total).isGreaterThan(50L * 1440 * 5);
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  fx.count(
                          "SELECT count(*) FROM sensor_readings WHERE device_id LIKE ?",
                          PREFIX + "%")
                      >= total);
      await().atMost(Duration.ofSeconds(30)).until(() -> ingest.ingestor().stats().inFlight() == 0);
      assertThat(fx.storedPerSensor(PREFIX)).isEqualTo(expected);
      assertThat(fx.quarantinedPerReason(PREFIX))
          .isEqualTo(FleetFixture.expectedQuarantine(ledger));
    }
    log.info("FleetIngestIT took {} s", (System.nanoTime() - started) / 1_000_000_000.0);
  }
}
