package de.vorlauf.worker.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.vorlauf.activities.delivery.AckListener;
import de.vorlauf.activities.delivery.SetpointDelivery;
import de.vorlauf.activities.delivery.SetpointDispatcher;
import de.vorlauf.activities.optimization.MqttSetpointPublisher;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.persistence.delivery.DeliveryState;
import de.vorlauf.persistence.delivery.NewSetpointCommand;
import de.vorlauf.persistence.delivery.SetpointDeliveryStore;
import de.vorlauf.persistence.delivery.TrackedCommand;
import de.vorlauf.simulator.runtime.FleetLayout;
import de.vorlauf.simulator.runtime.GatewayMode;
import de.vorlauf.simulator.runtime.Simulator;
import de.vorlauf.simulator.runtime.SimulatorSettings;
import de.vorlauf.testsupport.SharedServices;
import de.vorlauf.testsupport.TestDatabase;
import de.vorlauf.testsupport.TestNames;
import de.vorlauf.testsupport.mqtt.MqttTestClient;
import de.vorlauf.worker.MigratedSchema;
import de.vorlauf.worker.metrics.DeliveryMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tracked setpoint delivery against the simulator's devices, which apply and acknowledge commands
 * over the test JVM's broker: applied and rejected (with the device's reason), resent until
 * expired, an offline device that returns gets the latest valid command and never the superseded
 * one, and a worker killed between send and ack leaves the command to the next worker, which ends
 * it APPLIED. Resend interval 1 s, dispatcher pass every 200 ms: the awaits are seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class SetpointDeliveryIT {

  private static final Duration RESEND = Duration.ofSeconds(1);

  @TempDir static Path dir;

  private final TestNames names = TestNames.of(SetpointDeliveryIT.class);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final DeliveryMetrics metrics = new DeliveryMetrics(registry);
  private TestDatabase db;
  private RunningBroker broker;
  private Simulator simulator;
  private List<String> devices;
  private MqttSetpointPublisher publisher;
  private SetpointDeliveryStore store;
  private SetpointDelivery delivery;
  private SetpointDispatcher dispatcher;
  private AckListener acks;
  private MqttTestClient ackRecorder;
  private String ackClientId;

  @BeforeAll
  void start() throws Exception {
    db = SharedServices.database(SetpointDeliveryIT.class, MigratedSchema.class);
    broker = SharedServices.broker();
    simulator = Simulator.start(simulatorSettings("sd", 3), null, Clock.systemUTC());
    devices = simulator.layout().members().stream().map(FleetLayout.Member::deviceId).toList();
    publisher =
        new MqttSetpointPublisher(
            new MqttSetpointPublisher.Settings(broker.url(), null, null, Duration.ofSeconds(10)));
    store = new SetpointDeliveryStore(db.dataSource(), Duration.ofDays(30));
    delivery = new SetpointDelivery(store, publisher, RESEND, Clock.systemUTC(), metrics);
    ackClientId = names.clientId("acks");
    startWorkerSide();
    ackRecorder = MqttTestClient.connect(broker.url(), names.clientId("recorder"));
    ackRecorder.subscribe("greenbox/+/commands/ack");
    assertThat(simulator.awaitLive(Duration.ofMinutes(1))).isTrue();
    await().atMost(Duration.ofSeconds(20)).until(acks::isConnected);
  }

  private void startWorkerSide() throws Exception {
    startDispatcher();
    startAckListener();
  }

  private void startDispatcher() {
    dispatcher =
        new SetpointDispatcher(
                delivery, new SetpointDispatcher.Settings(Duration.ofMillis(200), 100))
            .start();
  }

  private void startAckListener() throws Exception {
    acks =
        AckListener.start(
            new AckListener.Settings(
                broker.url(),
                null,
                null,
                ackClientId,
                names.prefix() + "-acks",
                Duration.ofMinutes(10),
                Duration.ofSeconds(10)),
            store,
            Clock.systemUTC(),
            metrics);
  }

  private void stopWorkerSide() {
    if (dispatcher != null) {
      dispatcher.close();
    }
    if (acks != null) {
      acks.close();
    }
  }

  @AfterAll
  void stop() throws Exception {
    stopWorkerSide();
    if (ackRecorder != null) {
      ackRecorder.close();
    }
    if (publisher != null) {
      publisher.close();
    }
    if (simulator != null) {
      simulator.close();
    }
  }

  @Test
  void theDeviceAppliesOrRejectsWithItsReason() throws Exception {
    // an unreadable ack is counted and changes nothing; the listener goes on
    ackRecorder.publish("greenbox/" + devices.get(0) + "/commands/ack", "{not json");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> registry.get("vorlauf.setpoint.acks.unreadable").counter().count() >= 1);
    Instant now = Instant.now();
    delivery.deliver(command("ok", devices.get(0), 45.0, now, now.plus(Duration.ofHours(1))));
    delivery.deliver(command("hot", devices.get(1), 150.0, now, now.plus(Duration.ofHours(1))));

    TrackedCommand ok = awaitState("ok", DeliveryState.APPLIED);
    assertThat(ok.appliedValue()).isEqualTo(45.0);
    assertThat(ok.attempts()).isGreaterThanOrEqualTo(1);
    TrackedCommand hot = awaitState("hot", DeliveryState.REJECTED);
    assertThat(hot.reason()).contains("maximum");
    assertThat(registry.get("vorlauf.setpoint.commands").tag("state", "applied").counter().count())
        .isGreaterThanOrEqualTo(1);
    assertThat(registry.get("vorlauf.setpoint.ack.latency").timer().count())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void aCommandNobodyAcknowledgesIsResentUntilItExpires() throws Exception {
    Instant now = Instant.now();
    delivery.deliver(command("ghost", "sd-ghost-gb", 45.0, now, now.plusSeconds(3)));

    TrackedCommand expired = awaitState("ghost", DeliveryState.EXPIRED);
    assertThat(expired.attempts()).as("first send and resends").isGreaterThanOrEqualTo(2);
    assertThat(expired.reason()).contains("valid_until passed");
  }

  @Test
  void anOfflineDeviceGetsTheLatestValidCommandWhenItReturnsNeverTheSupersededOne()
      throws Exception {
    SimulatorSettings later = simulatorSettings("sdo", 1);
    String device = FleetLayout.plan(later).members().get(0).deviceId();
    Instant now = Instant.now();
    delivery.deliver(
        command("old", device, 44.0, now.minus(Duration.ofMinutes(5)), now.plusSeconds(3600)));
    delivery.deliver(command("new", device, 46.0, now, now.plusSeconds(3600)));
    assertThat(store.find(id("old")).orElseThrow().state()).isEqualTo(DeliveryState.SUPERSEDED);

    // sent twice to nobody by now; the device comes online, the next resend reaches it
    Simulator returning = Simulator.start(later, null, Clock.systemUTC());
    try {
      TrackedCommand applied = awaitState("new", DeliveryState.APPLIED);
      assertThat(applied.appliedValue()).isEqualTo(46.0);
      assertThat(returning.setpointCounts()).as("applied, rejected").containsExactly(1L, 0L);
      assertThat(ackRecorder.received).noneMatch(m -> m.contains(id("old")));
    } finally {
      returning.close();
    }
  }

  @Test
  void aWorkerKilledBetweenSendAndAckLeavesTheCommandToTheNextWorker() throws Exception {
    // the worker's dispatcher and ack listener are gone; the activity's send still happens
    stopWorkerSide();
    Instant now = Instant.now();
    delivery.deliver(command("kill", devices.get(2), 47.0, now, now.plusSeconds(3600)));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> ackRecorder.received.stream().anyMatch(m -> m.contains(id("kill"))));
    assertThat(store.find(id("kill")).orElseThrow().state())
        .as("acknowledged by the device, but nobody settled it")
        .isEqualTo(DeliveryState.SENT);

    // the restarted worker: same database, broker and client id. Its ack listener alone (no
    // dispatcher, so no resend) settles the command: the broker kept the ack in its session
    startAckListener();
    TrackedCommand applied = awaitState("kill", DeliveryState.APPLIED);
    assertThat(applied.appliedValue()).isEqualTo(47.0);
    assertThat(applied.attempts()).as("no resend was needed").isEqualTo(1);
    startDispatcher();
  }

  private TrackedCommand awaitState(String name, DeliveryState state) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> store.find(id(name)).orElseThrow(), c -> c.state() == state);
  }

  private SimulatorSettings simulatorSettings(String prefix, int buildings) {
    return SimulatorSettings.defaults(dir.resolve(prefix), broker.url())
        .withIdPrefix(prefix)
        .withBuildings(buildings)
        // no backfill: no worker here sends the commit receipts a backfill is paced by
        .withBackfill(Duration.ZERO)
        .withGateways(GatewayMode.OFF, 100)
        .withFaults("none")
        .withoutCloud();
  }

  private String id(String name) {
    return names.prefix() + "-" + name;
  }

  private NewSetpointCommand command(
      String name, String device, double flow, Instant issuedAt, Instant validUntil) {
    String id = id(name);
    Instant issued = issuedAt.truncatedTo(ChronoUnit.MILLIS);
    String json =
        ("{\"command_id\":\"%s\",\"circuit\":1,\"flow_temp_setpoint\":%s,"
                + "\"valid_until\":\"%s\",\"issued_at\":\"%s\"}")
            .formatted(id, flow, validUntil, issued);
    return new NewSetpointCommand(
        id,
        "b-" + device,
        device,
        1,
        issued,
        "hourly",
        flow,
        null,
        issued,
        validUntil,
        json.getBytes(StandardCharsets.UTF_8));
  }
}
