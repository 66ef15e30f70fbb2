package de.vorlauf.worker.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.simulator.provision.CredentialStore;
import de.vorlauf.simulator.provision.Principal;
import de.vorlauf.simulator.runtime.FleetLayout;
import de.vorlauf.simulator.runtime.GatewayMode;
import de.vorlauf.simulator.runtime.Simulator;
import de.vorlauf.simulator.runtime.SimulatorSettings;
import de.vorlauf.testsupport.mqtt.MqttTestClient;
import de.vorlauf.worker.ingest.RunningIngest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not part of the suite (no *IT / *Test name): the measurement of docs/benchmarks.md "live lag
 * during a backfill". The demo's fleet (50 MQTT buildings, demo faults, no vendor cloud: no
 * Temporal here) backfills {@code bench.backfillDays} days through the ACL'd Mosquitto into the
 * worker's MQTT ingestion, while a probe publishes one live reading a second as one of the fleet's
 * devices; each probe's lag is publish → visible in {@code sensor_readings} (polled every 25 ms, so
 * an upper bound of publish → commit). Mosquitto's peak RSS is its VmHWM at the end. Run with
 * {@code mvn -o -pl worker -am verify -Dit.test=BackfillLagBenchmark
 * -Dfailsafe.failIfNoSpecifiedTests=false -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbench.backfillDays=30 -Dbench.backlogWindow=200}.
 */
class BackfillLagBenchmark {

  private static final Logger log = LoggerFactory.getLogger(BackfillLagBenchmark.class);
  private static final String PREFIX = "bl";

  @TempDir Path dir;

  @Test
  void liveLagAndBrokerMemoryDuringADemoBackfill() throws Exception {
    int days = Integer.getInteger("bench.backfillDays", 30);
    int window = Integer.getInteger("bench.backlogWindow", 200);
    int buildings = Integer.getInteger("bench.buildings", 50);
    try (FleetFixture fx = new FleetFixture(dir)) {
      SimulatorSettings settings =
          SimulatorSettings.defaults(dir.resolve("sim"), fx.broker.url())
              .withIdPrefix(PREFIX)
              .withBuildings(buildings)
              .withBackfill(Duration.ofDays(days))
              .withGateways(GatewayMode.AUTO, 100)
              .withFaults("demo")
              .withBacklogWindow(window)
              .withoutCloud();
      fx.provision(settings);
      long mosquitto = mosquittoPid(dir);
      RunningIngest ingest = fx.startIngest("backfill-bench-" + UUID.randomUUID());
      String probeDevice = FleetLayout.plan(settings).members().get(0).deviceId();
      String token =
          CredentialStore.open(settings.stateDir())
              .token(new Principal(Principal.Kind.DEVICE, probeDevice))
              .orElseThrow();
      List<Long> lags = new ArrayList<>();
      long started = System.nanoTime();
      Simulator simulator =
          Simulator.start(settings, new JdbcProvisioner(fx.db), Clock.systemUTC());
      long peakSampled = 0;
      try (MqttTestClient probe =
          MqttTestClient.connect(
              fx.broker.url(), "probe-" + UUID.randomUUID(), probeDevice, token)) {
        while (simulator.runtime() == null || simulator.runtime().backfilling()) {
          if (simulator.failure().isPresent()) {
            throw new IllegalStateException(simulator.failure().get());
          }
          Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
          String message =
              "{\"device_id\":\"%s\",\"timestamp\":\"%s\",\"readings\":[{\"sensor_id\":\"outdoor_temp\",\"value\":1.5,\"unit\":\"degC\"}]}"
                  .formatted(probeDevice, time);
          long published = System.nanoTime();
          probe.publish("greenbox/" + probeDevice + "/sensors", message);
          while (fx.count(
                  "SELECT count(*) FROM sensor_readings WHERE device_id = ? AND sensor_id ="
                      + " 'outdoor_temp' AND time = ?",
                  probeDevice,
                  Timestamp.from(time))
              == 0) {
            Thread.sleep(25);
            if (System.nanoTime() - published > 120_000_000_000L) {
              throw new IllegalStateException("a live reading was not stored within 2 minutes");
            }
          }
          lags.add((System.nanoTime() - published) / 1_000_000);
          peakSampled = Math.max(peakSampled, rssKb(mosquitto, "VmRSS"));
          long pause = 1_000 - (System.nanoTime() - published) / 1_000_000;
          if (pause > 0) {
            Thread.sleep(pause);
          }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(lags);
        Collections.sort(sorted);
        log.info(
            "BENCH backfill {} days x {} buildings, backlog window {}: {} readings published,"
                + " backfill {} s ({} readings/s, simulator's count); {} probes, live lag ms p50 {}"
                + " p90 {} p99 {} max {}; Mosquitto RSS peak sampled {} MiB, VmHWM {} MiB;"
                + " ingestion: live {} backlog {}",
            days,
            buildings,
            window,
            simulator.ledger().readingsPublished(),
            Math.round(seconds),
            Math.round(simulator.runtime().backfillRate()),
            sorted.size(),
            percentile(sorted, 50),
            percentile(sorted, 90),
            percentile(sorted, 99),
            sorted.get(sorted.size() - 1),
            peakSampled / 1024,
            rssKb(mosquitto, "VmHWM") / 1024,
            ingest.ingestor().stats(),
            ingest.backlogIngestor().stats());
      } finally {
        simulator.close();
      }
      assertThat(lags).isNotEmpty();
    }
  }

  private static long percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  /** The Mosquitto whose configuration lies under {@code dir}. */
  private static long mosquittoPid(Path dir) throws IOException {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs
          .filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(
              p -> {
                try {
                  String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                  return cmd.contains("mosquitto") && cmd.contains(dir.toString());
                } catch (IOException e) {
                  return false;
                }
              })
          .mapToLong(p -> Long.parseLong(p.getFileName().toString()))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no mosquitto under " + dir));
    }
  }

  private static long rssKb(long pid, String field) {
    try {
      return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
          .filter(l -> l.startsWith(field + ":"))
          .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
          .findFirst()
          .orElse(0);
    } catch (IOException e) {
      return 0;
    }
  }
}
