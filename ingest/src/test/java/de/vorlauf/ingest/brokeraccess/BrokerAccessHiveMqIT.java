package de.vorlauf.ingest.brokeraccess;

import static de.vorlauf.ingest.brokeraccess.BrokerAccessStack.assertAccepted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import de.vorlauf.devstack.broker.BrokerKind;
import de.vorlauf.devstack.broker.MqttLogin;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.service.Secrets;
import de.vorlauf.testsupport.mqtt.MqttTestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded HiveMQ as the launcher runs it where Mosquitto is missing: the same registry, the
 * same export ({@link BrokerAccessSync}, no pid file: the broker notices the changed files within a
 * second) and the same rules as {@link BrokerAccessMosquittoIT} and {@link
 * GatewayAccessMosquittoIT}. HiveMQ drops an unauthorised publish and closes the connection with
 * DISCONNECT 0x87; a subscription beyond the grants gets SUBACK 0x87.
 */
class BrokerAccessHiveMqIT {

  private static final MqttLogin WORKER =
      new MqttLogin("vorlauf-worker", Secrets.generatePassword(24));
  private static final MqttLogin ADMIN =
      new MqttLogin("vorlauf-admin", Secrets.generatePassword(24));
  private static final int NOT_AUTHORIZED = 0x87;

  @TempDir static Path dir;
  private static BrokerAccessStack stack;
  private static RunningBroker broker;
  private static BrokerAccessSync sync;
  private static TestRegistry registry;

  @BeforeAll
  static void startServices() throws Exception {
    stack =
        BrokerAccessStack.start(
            BrokerAccessHiveMqIT.class, dir, BrokerKind.HIVEMQ, List.of(WORKER, ADMIN));
    broker = stack.broker;
    sync = stack.sync;
    registry = stack.registry;
    registry.building("hive-building");
    assertThat(broker.accessControl().orElseThrow().pidFile()).isNull();
  }

  @AfterAll
  static void stopServices() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void theServiceAccountsWorkAndAnonymousClientsAreRefused() throws Exception {
    assertThat(broker.label()).contains("per-device credentials");
    assertThatThrownBy(() -> MqttTestClient.connect(broker.url(), null).close())
        .isInstanceOf(MqttException.class);
    try (MqttTestClient admin =
            MqttTestClient.connect(broker.url(), null, ADMIN.user(), ADMIN.password())
                .subscribe("vorlauf/probe/admin/#");
        MqttTestClient worker =
            MqttTestClient.connect(broker.url(), null, WORKER.user(), WORKER.password())) {
      assertAccepted(admin.publish("vorlauf/probe/admin/it", "probe"));
      // HiveMQ checks a filter at SUBSCRIBE: the worker's, shared or plain (a single worker), are
      // within its read rights, anything wider is not
      for (String filter :
          List.of(
              "$share/vorlauf-ingest/greenbox/+/backlog",
              "greenbox/+/sensors",
              "greenbox/+/sensors/+",
              "greenbox/+/backlog")) {
        assertThat(worker.subscribeReason(filter)).as(filter).isLessThan(0x80);
      }
      assertThat(worker.subscribeReason("greenbox/+/commands/#")).isEqualTo(NOT_AUTHORIZED);
      // refused: HiveMQ closes the connection with DISCONNECT 0x87 (also for MQTT 5)
      assertThat(worker.publish("vorlauf/probe/admin/it", "not the worker's"))
          .isEqualTo(NOT_AUTHORIZED);
      await().atMost(Duration.ofSeconds(10)).until(() -> !worker.isConnected());
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> admin.received.contains("vorlauf/probe/admin/it probe"));
      assertThat(admin.received).containsExactly("vorlauf/probe/admin/it probe");
    }
  }

  @Test
  void aDevicePublishesOnItsOwnTopicsOnlyAndTheIngestAccountReceivesIt() throws Exception {
    registry.device("hv-own-1", "hive-building");
    registry.device("hv-own-2", "hive-building");
    String token1 = registry.issue("hv-own-1", null);
    String token2 = registry.issue("hv-own-2", null);
    assertThat(sync.syncOnce()).isTrue();

    try (MqttTestClient ingest = ingest();
        MqttTestClient device1 = stack.connectEventually("hv-own-1", token1);
        MqttTestClient device2 =
            stack.connectEventually("hv-own-2", token2).subscribe("greenbox/hv-own-2/commands/#")) {
      assertAccepted(device1.publish("greenbox/hv-own-1/sensors", "full"));
      assertAccepted(device1.publish("greenbox/hv-own-1/sensors/outdoor_temp", "one"));
      assertAccepted(device1.publish("greenbox/hv-own-1/commands/ack", "ack"));
      for (String forbidden :
          List.of(
              "greenbox/hv-own-2/sensors",
              "greenbox/hv-own-2/sensors/outdoor_temp",
              "greenbox/hv-own-2/commands/ack",
              "greenbox/hv-own-1/commands/setpoint",
              "vorlauf/self-check/x")) {
        assertRefusedPublish("hv-own-1", token1, forbidden);
      }
      assertThat(device1.subscribeReason("#")).isEqualTo(NOT_AUTHORIZED);
      assertThat(device1.subscribeReason("greenbox/hv-own-2/commands/#")).isEqualTo(NOT_AUTHORIZED);
      assertAccepted(device2.publish("greenbox/hv-own-2/commands/ack", "own ack"));
      assertAccepted(device2.publish("greenbox/hv-own-2/sensors", "last"));

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> ingest.received.contains("greenbox/hv-own-2/sensors last"));
      // nothing forged reached the ingest account
      assertThat(ingest.received)
          .containsExactlyInAnyOrder(
              "greenbox/hv-own-1/sensors full",
              "greenbox/hv-own-1/sensors/outdoor_temp one",
              "greenbox/hv-own-2/sensors last");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> device2.received.contains("greenbox/hv-own-2/commands/ack own ack"));
      assertThat(device2.received).containsExactly("greenbox/hv-own-2/commands/ack own ack");
    }
  }

  @Test
  void aWrongPasswordOrAnUnknownDeviceIsRefusedAtConnect() throws Exception {
    registry.device("hv-wrong", "hive-building");
    String token = registry.issue("hv-wrong", null);
    sync.syncOnce();

    stack.connectEventually("hv-wrong", token).close();
    stack.assertRefused("hv-wrong", token + "x");
    stack.assertRefused("hv-wrong", WORKER.password());
    stack.assertRefused("hv-unknown", token);
    stack.assertRefused(WORKER.user(), token);
  }

  @Test
  void aDeviceRegisteredAfterTheBrokerStartedConnectsAfterTheNextSync() throws Exception {
    registry.device("hv-late", "hive-building");
    String token = registry.issue("hv-late", null);
    stack.assertRefused("hv-late", token);

    assertThat(sync.syncOnce()).isTrue();

    try (MqttTestClient device = stack.connectEventually("hv-late", token)) {
      assertAccepted(device.publish("greenbox/hv-late/sensors", "{}"));
    }
  }

  @Test
  void aRevokedCredentialStopsAndANewOneStartsWorkingAtTheNextSync() throws Exception {
    registry.device("hv-revoke", "hive-building");
    String first = registry.issue("hv-revoke", null);
    sync.syncOnce();
    MqttTestClient connected = stack.connectEventually("hv-revoke", first);
    registry.revoke(first);
    String second = registry.issue("hv-revoke", null);
    stack.assertRefused("hv-revoke", second);
    assertThat(sync.syncOnce()).isTrue();

    // the connection that logged in with the revoked token is closed at the reload
    await().atMost(Duration.ofSeconds(10)).until(() -> !connected.isConnected());
    connected.close();
    stack.assertRefused("hv-revoke", first);
    try (MqttTestClient renewed = stack.connectEventually("hv-revoke", second)) {
      assertAccepted(renewed.publish("greenbox/hv-revoke/sensors", "{}"));
    }
  }

  @Test
  void aGatewayPublishesForItsDevicesOnlyAndLosesADeviceAtTheNextSync() throws Exception {
    registry.gateway("hv-gw");
    for (String device : List.of("hvgw-a", "hvgw-b", "hvgw-other")) {
      registry.device(device, "hive-building");
    }
    registry.assign("hvgw-a", "hv-gw");
    registry.assign("hvgw-b", "hv-gw");
    String token = registry.issueGateway("hv-gw");
    assertThat(sync.syncOnce()).isTrue();

    try (MqttTestClient ingest = ingest();
        MqttTestClient gateway =
            stack
                .connectEventually("hv-gw", token)
                .subscribe("greenbox/hvgw-a/commands/#", "greenbox/hvgw-b/commands/#")) {
      assertAccepted(gateway.publish("greenbox/hvgw-a/sensors", "a full"));
      assertAccepted(gateway.publish("greenbox/hvgw-b/sensors/outdoor_temp", "b one"));
      for (String forbidden :
          List.of(
              "greenbox/hvgw-other/sensors",
              "greenbox/hvgw-other/commands/ack",
              "greenbox/hvgw-a/commands/setpoint",
              "greenbox/hvgw-unassigned/sensors")) {
        assertRefusedPublish("hv-gw", token, forbidden);
      }
      assertThat(gateway.subscribeReason("greenbox/hvgw-other/commands/#"))
          .isEqualTo(NOT_AUTHORIZED);
      assertAccepted(gateway.publish("greenbox/hvgw-b/sensors", "b last"));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> ingest.received.contains("greenbox/hvgw-b/sensors b last"));
      assertThat(ingest.received)
          .containsExactlyInAnyOrder(
              "greenbox/hvgw-a/sensors a full",
              "greenbox/hvgw-b/sensors/outdoor_temp b one",
              "greenbox/hvgw-b/sensors b last");

      registry.setActive("devices", "hvgw-b", false);
      assertThat(sync.syncOnce()).isTrue();
      // its rules changed: HiveMQ fixes permissions per connection, so the gateway logs in again
      await().atMost(Duration.ofSeconds(10)).until(() -> !gateway.isConnected());
    }
    try (MqttTestClient gateway = stack.connectEventually("hv-gw", token)) {
      assertAccepted(gateway.publish("greenbox/hvgw-a/sensors", "{}"));
    }
    assertRefusedPublish("hv-gw", token, "greenbox/hvgw-b/sensors");
  }

  private static MqttTestClient ingest() throws MqttException {
    return MqttTestClient.connect(broker.url(), null, WORKER.user(), WORKER.password())
        .subscribe(
            "$share/vorlauf-ingest/greenbox/+/sensors",
            "$share/vorlauf-ingest/greenbox/+/sensors/+");
  }

  /**
   * HiveMQ refuses a publish beyond the grants by closing the connection with DISCONNECT 0x87 (MQTT
   * 5; an MQTT 3 client is disconnected without a reason): one connection per attempt.
   */
  private static void assertRefusedPublish(String user, String token, String topic)
      throws Exception {
    try (MqttTestClient client = MqttTestClient.connect(broker.url(), null, user, token)) {
      assertThat(client.publish(topic, "forged")).as(topic).isEqualTo(NOT_AUTHORIZED);
      await().atMost(Duration.ofSeconds(10)).until(() -> !client.isConnected());
    }
  }
}
