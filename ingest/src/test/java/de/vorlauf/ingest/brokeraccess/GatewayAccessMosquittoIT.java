package de.vorlauf.ingest.brokeraccess;

import static de.vorlauf.ingest.brokeraccess.BrokerAccessStack.assertAccepted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.vorlauf.devstack.broker.BrokerKind;
import de.vorlauf.devstack.broker.MqttLogin;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.service.Secrets;
import de.vorlauf.testsupport.mqtt.MqttTestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gateway mode against the real Mosquitto, with the files the worker generates: one gateway login
 * publishes for exactly the active devices assigned to it and receives only their commands; a third
 * device's topics, a deactivated gateway and a revoked credential are refused. Each test works on
 * ids of its own.
 */
class GatewayAccessMosquittoIT {

  private static final MqttLogin WORKER =
      new MqttLogin("vorlauf-worker", Secrets.generatePassword(24));
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
            GatewayAccessMosquittoIT.class, dir, BrokerKind.MOSQUITTO, List.of(WORKER));
    broker = stack.broker;
    sync = stack.sync;
    registry = stack.registry;
    registry.building("gw-building");
  }

  @AfterAll
  static void stopServices() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aGatewayPublishesForItsTwoDevicesOnlyAndGetsOnlyTheirCommands() throws Exception {
    registry.gateway("gw-one");
    for (String device : List.of("gw1-a", "gw1-b", "gw1-other")) {
      registry.device(device, "gw-building");
    }
    registry.assign("gw1-a", "gw-one");
    registry.assign("gw1-b", "gw-one");
    String token = registry.issueGateway("gw-one");
    String otherToken = registry.issue("gw1-other", null);
    assertThat(sync.syncOnce()).isTrue();

    try (MqttTestClient ingest =
            MqttTestClient.connect(broker.url(), null, WORKER.user(), WORKER.password())
                .subscribe(
                    "$share/vorlauf-ingest/greenbox/+/sensors",
                    "$share/vorlauf-ingest/greenbox/+/sensors/+");
        MqttTestClient gateway =
            stack.connectEventually("gw-one", token).subscribe("greenbox/+/commands/#");
        MqttTestClient other = stack.connectEventually("gw1-other", otherToken)) {
      assertAccepted(gateway.publish("greenbox/gw1-a/sensors", "a full"));
      assertAccepted(gateway.publish("greenbox/gw1-b/sensors/outdoor_temp", "b one"));
      assertAccepted(gateway.publish("greenbox/gw1-a/commands/ack", "a ack"));
      for (String forbidden :
          List.of(
              "greenbox/gw1-other/sensors",
              "greenbox/gw1-other/sensors/outdoor_temp",
              "greenbox/gw1-other/commands/ack",
              "greenbox/gw1-a/commands/setpoint",
              "greenbox/gw1-unassigned/sensors",
              "vorlauf/self-check/x")) {
        assertRefusedPublish("gw-one", token, forbidden);
      }
      // commands: the gateway's wildcard subscription delivers its devices' topics only
      assertAccepted(other.publish("greenbox/gw1-other/commands/ack", "other ack"));
      assertAccepted(gateway.publish("greenbox/gw1-b/sensors", "b last"));

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> ingest.received.contains("greenbox/gw1-b/sensors b last"));
      assertThat(ingest.received)
          .containsExactlyInAnyOrder(
              "greenbox/gw1-a/sensors a full",
              "greenbox/gw1-b/sensors/outdoor_temp b one",
              "greenbox/gw1-b/sensors b last");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> gateway.received.contains("greenbox/gw1-a/commands/ack a ack"));
      assertThat(gateway.received).containsExactly("greenbox/gw1-a/commands/ack a ack");
    }
  }

  @Test
  void deactivatingTheGatewayOrADeviceOrRevokingTheCredentialTakesAccessAway() throws Exception {
    registry.gateway("gw-two");
    registry.device("gw2-a", "gw-building");
    registry.device("gw2-b", "gw-building");
    registry.assign("gw2-a", "gw-two");
    registry.assign("gw2-b", "gw-two");
    String token = registry.issueGateway("gw-two");
    sync.syncOnce();
    try (MqttTestClient gateway = stack.connectEventually("gw-two", token)) {
      assertAccepted(gateway.publish("greenbox/gw2-b/sensors", "{}"));
    }

    registry.setActive("devices", "gw2-b", false);
    assertThat(sync.syncOnce()).isTrue();
    awaitRefusedPublish("gw-two", token, "greenbox/gw2-b/sensors");
    try (MqttTestClient gateway = stack.connectEventually("gw-two", token)) {
      assertAccepted(gateway.publish("greenbox/gw2-a/sensors", "{}"));
    }

    registry.setActive("gateways", "gw-two", false);
    assertThat(sync.syncOnce()).isTrue();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> stack.assertRefused("gw-two", token));

    registry.setActive("gateways", "gw-two", true);
    sync.syncOnce();
    stack.connectEventually("gw-two", token).close();

    registry.revokeGateway(token);
    assertThat(sync.syncOnce()).isTrue();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> stack.assertRefused("gw-two", token));
  }

  /** A refused publish closes the connection (see BrokerAccessMosquittoIT): one each. */
  private static void assertRefusedPublish(String user, String token, String topic)
      throws Exception {
    try (MqttTestClient client = MqttTestClient.connect(broker.url(), null, user, token)) {
      assertThat(client.publish(topic, "forged")).as(topic).isEqualTo(NOT_AUTHORIZED);
    }
  }

  /**
   * Mosquitto applies a SIGHUP asynchronously: an attempt that fails otherwise than by the refusal
   * (an accepted publish, or a client error) is retried, only a refusal ends the wait.
   */
  private static void awaitRefusedPublish(String user, String token, String topic) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptionsInstanceOf(org.eclipse.paho.mqttv5.common.MqttException.class)
        .untilAsserted(() -> assertRefusedPublish(user, token, topic));
  }
}
