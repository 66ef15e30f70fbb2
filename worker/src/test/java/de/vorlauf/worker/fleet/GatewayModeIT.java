package de.vorlauf.worker.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.vorlauf.simulator.runtime.GatewayMode;
import de.vorlauf.simulator.runtime.GroundTruthLedger;
import de.vorlauf.simulator.runtime.Simulator;
import de.vorlauf.simulator.runtime.SimulatorSettings;
import de.vorlauf.testsupport.TestClock;
import de.vorlauf.worker.ingest.RunningIngest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 1,000 buildings in gateway mode: ten gateway connections (100 devices each, each gateway allowed
 * exactly its devices by the generated ACL) carry a short backfill and then one live minute, and
 * everything they published is stored. The backfill is five minutes rather than none so the
 * comparison also covers the burst a gateway sends after being offline; the live minute is the
 * simulator's live loop publishing at its clock's next minute boundary (a test clock moved there,
 * so the test does not wait up to a minute for it).
 */
class GatewayModeIT {

  private static final Logger log = LoggerFactory.getLogger(GatewayModeIT.class);
  private static final String PREFIX = "gm";

  @TempDir Path dir;

  @Test
  void aThousandBuildingsOverTenGatewaysAreStoredCompletely() throws Exception {
    long started = System.nanoTime();
    try (FleetFixture fx = new FleetFixture(dir)) {
      SimulatorSettings settings =
          SimulatorSettings.defaults(dir.resolve("sim"), fx.broker.url())
              .withIdPrefix(PREFIX)
              .withBuildings(1_000)
              .withBackfill(Duration.ofMinutes(5))
              .withGateways(GatewayMode.AUTO, 100)
              .withFaults("demo")
              .withThreads(2, 500)
              .withoutCloud();
      assertThat(settings.gateways()).as("1,000 is above the default threshold").isTrue();
      fx.provision(settings);
      RunningIngest ingest = fx.startIngest("gateway-it");
      TestClock clock = new TestClock();
      Simulator simulator = Simulator.start(settings, new JdbcProvisioner(fx.db), clock);
      try {
        assertThat(simulator.awaitLive(Duration.ofMinutes(2))).isTrue();
        // the live minute comes when the simulator's clock turns the minute: moved there instead
        // of waiting for it (at most twice: once more if the live loop read the clock after the
        // first move); readings then run up to two minutes ahead, within the 5 minutes of skew
        // ingestion accepts
        await()
            .atMost(Duration.ofSeconds(100))
            .pollInterval(Duration.ofSeconds(2))
            .until(
                () -> {
                  if (simulator.runtime().liveMinutes() >= 1 || simulator.failure().isPresent()) {
                    return true;
                  }
                  clock.advance(untilNextMinute(clock));
                  return false;
                });
        assertThat(simulator.failure()).isEmpty();
        assertThat(simulator.connections().size()).isEqualTo(10);
        assertThat(simulator.connections().connectedCount()).isEqualTo(10);
        assertForeignDeviceRefused(fx, simulator, settings.stateDir());
      } finally {
        simulator.close();
      }
      GroundTruthLedger ledger = simulator.ledger();
      assertThat(ledger.refusedMessages()).isZero();
      assertThat(ledger.snapshot()).hasSize(1_000);
      Map<String, Long> expected = FleetFixture.expectedStored(ledger);
      long total = expected.values().stream().mapToLong(Long::longValue).sum();
      await()
          .atMost(Duration.ofMinutes(1))
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
      log.info("{} readings of 1,000 buildings stored", total);
    }
    log.info("GatewayModeIT took {} s", (System.nanoTime() - started) / 1_000_000_000.0);
  }

  /** From {@code clock}'s now to just after its next whole minute. */
  private static Duration untilNextMinute(TestClock clock) {
    Instant now = clock.instant();
    return Duration.between(
        now, now.truncatedTo(ChronoUnit.MINUTES).plusSeconds(60).plusMillis(300));
  }

  /** Gateway 1 may not speak for a device of gateway 2: the broker refuses with 0x87. */
  private static void assertForeignDeviceRefused(
      FleetFixture fx, Simulator simulator, Path stateDir) throws Exception {
    String gateway = PREFIX + "-gw001";
    String secret =
        new ObjectMapper()
            .readTree(stateDir.resolve("credentials.json").toFile())
            .path("credentials")
            .path(gateway)
            .path("token")
            .asText();
    List<String> own = simulator.layout().gateways().get(gateway);
    List<String> foreign = simulator.layout().gateways().get(PREFIX + "-gw002");
    MqttAsyncClient client =
        new MqttAsyncClient(fx.broker.url(), "it-" + UUID.randomUUID(), new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setUserName(gateway);
    options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
    client.connect(options).waitForCompletion(10_000);
    try {
      assertThat(publish(client, "greenbox/" + own.get(0) + "/commands/ack")).isLessThan(0x80);
      assertThat(publish(client, "greenbox/" + foreign.get(0) + "/sensors")).isEqualTo(0x87);
    } finally {
      // Mosquitto may or may not have dropped the connection after the refusal yet
      if (client.isConnected()) {
        client.disconnectForcibly(1_000);
      }
      client.close(true);
    }
  }

  private static int publish(MqttAsyncClient client, String topic) throws MqttException {
    IMqttToken token = client.publish(topic, "{}".getBytes(StandardCharsets.UTF_8), 1, false);
    try {
      token.waitForCompletion(10_000);
      int[] codes = token.getReasonCodes();
      return codes == null || codes.length == 0 ? 0 : codes[0];
    } catch (MqttException e) {
      return e.getReasonCode();
    }
  }
}
