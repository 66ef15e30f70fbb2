package de.vorlauf.ingest.brokeraccess;

import static de.vorlauf.ingest.brokeraccess.BrokerAccessStack.assertAccepted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.vorlauf.devstack.broker.BrokerKind;
import de.vorlauf.devstack.broker.MqttLogin;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.service.Secrets;
import de.vorlauf.testsupport.mqtt.MqttTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry decides who may use the real Mosquitto, as the launcher runs it (devstack with
 * service logins) and the worker keeps it ({@link BrokerAccessSync} with SIGHUP): a device with a
 * credential publishes on its own topics and the ingest account receives it; nothing else. Each
 * step that changes the registry takes effect at the next sync, which the tests trigger directly.
 */
class BrokerAccessMosquittoIT {

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
            BrokerAccessMosquittoIT.class, dir, BrokerKind.MOSQUITTO, List.of(WORKER, ADMIN));
    broker = stack.broker;
    sync = stack.sync;
    registry = stack.registry;
    registry.building("it-building");
  }

  @AfterAll
  static void stopServices() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aDevicePublishesOnItsOwnTopicsOnlyAndTheIngestAccountReceivesIt() throws Exception {
    registry.device("gb-own-1", "it-building");
    registry.device("gb-own-2", "it-building");
    String token1 = registry.issue("gb-own-1", null);
    String token2 = registry.issue("gb-own-2", null);
    assertThat(sync.syncOnce()).isTrue();

    try (MqttTestClient ingest =
            MqttTestClient.connect(broker.url(), null, WORKER.user(), WORKER.password())
                .subscribe(
                    "$share/vorlauf-ingest/greenbox/+/sensors",
                    "$share/vorlauf-ingest/greenbox/+/sensors/+",
                    "$share/vorlauf-ingest/greenbox/+/backlog");
        // a single worker subscribes plainly (VORLAUF_MQTT_SHARE_GROUP=none): the same rules
        MqttTestClient plainIngest =
            MqttTestClient.connect(broker.url(), null, WORKER.user(), WORKER.password())
                .subscribe("greenbox/+/sensors", "greenbox/+/sensors/+", "greenbox/+/backlog");
        // the setpoint delivery's ack listener (issue 23) reads every device's acks
        MqttTestClient acks =
            MqttTestClient.connect(broker.url(), null, WORKER.user(), WORKER.password())
                .subscribe("$share/vorlauf-ingest-acks/greenbox/+/commands/ack");
        MqttTestClient device1 = stack.connectEventually("gb-own-1", token1);
        MqttTestClient device2 = stack.connectEventually("gb-own-2", token2).subscribe("#")) {
      assertAccepted(device1.publish("greenbox/gb-own-1/sensors", "full"));
      assertAccepted(device1.publish("greenbox/gb-own-1/sensors/outdoor_temp", "one"));
      assertAccepted(device1.publish("greenbox/gb-own-1/commands/ack", "ack"));
      assertAccepted(device1.publish("greenbox/gb-own-1/backlog", "history"));
      for (String forbidden :
          List.of(
              "greenbox/gb-own-2/sensors",
              "greenbox/gb-own-2/backlog",
              "greenbox/gb-own-1/backlog/ack",
              "greenbox/gb-own-2/sensors/outdoor_temp",
              "greenbox/gb-own-1/commands/setpoint",
              "vorlauf/self-check/x")) {
        assertRefusedPublish("gb-own-1", token1, forbidden);
      }
      assertAccepted(device2.publish("greenbox/gb-own-2/commands/ack", "own ack"));
      assertAccepted(device2.publish("greenbox/gb-own-2/sensors", "last"));
      // the ingest account sends commit receipts; each device reads only its own
      assertAccepted(ingest.publish("greenbox/gb-own-1/backlog/ack", "receipt 1"));
      assertAccepted(ingest.publish("greenbox/gb-own-2/backlog/ack", "receipt 2"));

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> ingest.received.contains("greenbox/gb-own-2/sensors last"));
      assertThat(ingest.received)
          .containsExactlyInAnyOrder(
              "greenbox/gb-own-1/sensors full",
              "greenbox/gb-own-1/sensors/outdoor_temp one",
              "greenbox/gb-own-1/backlog history",
              "greenbox/gb-own-2/sensors last");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> plainIngest.received.size() >= ingest.received.size());
      assertThat(plainIngest.received).containsExactlyInAnyOrderElementsOf(ingest.received);
      await().atMost(Duration.ofSeconds(10)).until(() -> acks.received.size() >= 2);
      assertThat(acks.received)
          .containsExactlyInAnyOrder(
              "greenbox/gb-own-1/commands/ack ack", "greenbox/gb-own-2/commands/ack own ack");
      // subscribed to '#', device 2 gets only its own commands: Mosquitto checks on delivery
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> device2.received.contains("greenbox/gb-own-2/backlog/ack receipt 2"));
      assertThat(device2.received)
          .containsExactly(
              "greenbox/gb-own-2/commands/ack own ack", "greenbox/gb-own-2/backlog/ack receipt 2");
    }
  }

  /**
   * MQTT 5: Mosquitto answers an unauthorised QoS 1 publish with PUBACK 0x87 and drops the message.
   * Then it closes the connection (2.0.11 with {@code max_queued_messages 0}, measured: the same
   * with QoS 0 and MQTT 3.1.1), so each attempt gets a connection of its own and the device can
   * come back at once.
   */
  private static void assertRefusedPublish(String device, String token, String topic)
      throws Exception {
    try (MqttTestClient client = MqttTestClient.connect(broker.url(), null, device, token)) {
      assertThat(client.publish(topic, "forged")).as(topic).isEqualTo(NOT_AUTHORIZED);
    }
  }

  @Test
  void aWrongPasswordOrAnUnknownDeviceIsRefusedAtConnect() throws Exception {
    registry.device("gb-wrong", "it-building");
    String token = registry.issue("gb-wrong", null);
    sync.syncOnce();

    stack.connectEventually("gb-wrong", token).close();
    stack.assertRefused("gb-wrong", token + "x");
    stack.assertRefused("gb-wrong", WORKER.password());
    stack.assertRefused("gb-unknown", token);
    stack.assertRefused(WORKER.user(), token);
  }

  @Test
  void aRevokedCredentialStopsAndANewOneStartsWorkingAtTheNextSync() throws Exception {
    registry.device("gb-revoke", "it-building");
    String first = registry.issue("gb-revoke", null);
    sync.syncOnce();
    MqttTestClient connected = stack.connectEventually("gb-revoke", first);
    registry.revoke(first);
    String second = registry.issue("gb-revoke", null);
    stack.assertRefused("gb-revoke", second);
    assertThat(sync.syncOnce()).isTrue();

    // at reload Mosquitto also drops the connection that logged in with the revoked token
    await().atMost(Duration.ofSeconds(10)).until(() -> !connected.isConnected());
    connected.close();
    stack.assertRefused("gb-revoke", first);
    try (MqttTestClient renewed = stack.connectEventually("gb-revoke", second)) {
      assertAccepted(renewed.publish("greenbox/gb-revoke/sensors", "{}"));
    }
  }

  @Test
  void duringARotationOverlapTheOldTokenWorksUntilItExpires() throws Exception {
    registry.device("gb-rotate", "it-building");
    String old = registry.issue("gb-rotate", null);
    registry.expire(old, Instant.now().plus(Duration.ofHours(1)));
    String rotated = registry.issue("gb-rotate", null);
    sync.syncOnce();

    stack.connectEventually("gb-rotate", old).close();
    stack.assertRefused("gb-rotate", rotated);

    registry.expire(old, Instant.now().minusSeconds(1));
    sync.syncOnce();

    stack.connectEventually("gb-rotate", rotated).close();
    stack.assertRefused("gb-rotate", old);
  }

  @Test
  void anUnchangedRegistryNeitherRewritesTheFilesNorReloadsTheBroker() throws Exception {
    sync.syncOnce();
    Path passwd = broker.accessControl().orElseThrow().dir().resolve("passwd");
    Object inode = Files.getAttribute(passwd, "unix:ino");
    int reloads = stack.reloads.get();

    assertThat(sync.syncOnce()).isTrue();

    assertThat(Files.getAttribute(passwd, "unix:ino")).isEqualTo(inode);
    assertThat(stack.reloads.get()).isEqualTo(reloads);
  }
}
