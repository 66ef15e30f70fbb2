package de.vorlauf.worker.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.simulator.runtime.GatewayMode;
import de.vorlauf.simulator.runtime.Simulator;
import de.vorlauf.simulator.runtime.SimulatorSettings;
import de.vorlauf.testsupport.SharedServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setpoint loop through a real broker, from the platform's side: a command on {@code
 * greenbox/<device>/commands/setpoint} comes back as an ack on {@code …/commands/ack}, applied when
 * the building's equipment can do it, rejected with a reason when not, rejected when the command is
 * unreadable but names its id. The broker here is anonymous: access control is the fleet ITs'
 * subject, this one is about the loop.
 */
class SetpointLoopIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void commandsAreAppliedWithinLimitsAndRejectedOtherwise() throws Exception {
    long started = System.nanoTime();
    // the test JVM's shared Mosquitto: the simulator's ids ("sp" prefix) are this class's own
    try (RunningBroker broker = SharedServices.broker()) {
      SimulatorSettings settings =
          SimulatorSettings.defaults(dir.resolve("sim"), broker.url())
              .withIdPrefix("sp")
              .withBuildings(3)
              // no backfill: no worker here sends the commit receipts a backfill is paced by
              .withBackfill(Duration.ZERO)
              .withGateways(GatewayMode.OFF, 100)
              .withFaults("none")
              .withoutCloud();
      Simulator simulator = Simulator.start(settings, null, Clock.systemUTC());
      Map<String, JsonNode> acks = new ConcurrentHashMap<>();
      MqttAsyncClient platform = platform(broker.url(), acks);
      try {
        assertThat(simulator.awaitLive(Duration.ofMinutes(1))).isTrue();
        String device = simulator.layout().members().get(0).deviceId();
        Instant now = Instant.now();
        send(platform, device, command("c-ok", 1, 45.0, now.plusSeconds(3600), now));
        send(platform, device, command("c-hot", 1, 150.0, now.plusSeconds(3600), now));
        send(platform, device, command("c-circuit", 7, 45.0, now.plusSeconds(3600), now));
        send(platform, device, command("c-expired", 1, 45.0, now.minusSeconds(60), now));
        send(platform, device, "{\"command_id\":\"c-bad\",\"circuit\":\"one\"}");
        send(platform, device, "{not json");

        await().atMost(Duration.ofSeconds(20)).until(() -> acks.size() == 5);
        JsonNode ok = acks.get("c-ok");
        assertThat(ok.path("status").asText()).isEqualTo("applied");
        assertThat(ok.path("applied_value").asDouble()).isEqualTo(45.0);
        assertThat(ok.has("reason")).isFalse();
        assertThat(Instant.parse(ok.path("applied_at").asText())).isBeforeOrEqualTo(Instant.now());
        assertRejected(acks.get("c-hot"), "maximum");
        assertRejected(acks.get("c-circuit"), "circuit");
        assertRejected(acks.get("c-expired"), "expired");
        assertRejected(acks.get("c-bad"), "circuit");
        assertThat(simulator.setpointCounts()).containsExactly(1L, 4L);
      } finally {
        platform.disconnect().waitForCompletion(5_000);
        platform.close();
        simulator.close();
      }
    }
    org.slf4j.LoggerFactory.getLogger(SetpointLoopIT.class)
        .info("SetpointLoopIT took {} s", (System.nanoTime() - started) / 1e9);
  }

  private static void assertRejected(JsonNode ack, String reasonPart) {
    assertThat(ack).isNotNull();
    assertThat(ack.path("status").asText()).isEqualTo("rejected");
    assertThat(ack.path("reason").asText()).contains(reasonPart);
  }

  private static String command(
      String id, int circuit, double flow, Instant validUntil, Instant issuedAt) {
    return ("{\"command_id\":\"%s\",\"circuit\":%d,\"flow_temp_setpoint\":%s,"
            + "\"valid_until\":\"%s\",\"issued_at\":\"%s\"}")
        .formatted(id, circuit, flow, validUntil, issuedAt);
  }

  private static void send(MqttAsyncClient client, String device, String payload)
      throws MqttException {
    client
        .publish(
            "greenbox/" + device + "/commands/setpoint",
            payload.getBytes(StandardCharsets.UTF_8),
            1,
            false)
        .waitForCompletion(10_000);
  }

  private static MqttAsyncClient platform(String url, Map<String, JsonNode> acks)
      throws MqttException {
    MqttAsyncClient client =
        new MqttAsyncClient(url, "it-platform-" + UUID.randomUUID(), new MemoryPersistence());
    client.setCallback(
        new MqttCallback() {
          @Override
          public void messageArrived(String topic, MqttMessage message) throws Exception {
            JsonNode ack = JSON.readTree(message.getPayload());
            acks.put(ack.path("command_id").asText(), ack);
          }

          @Override
          public void disconnected(MqttDisconnectResponse response) {}

          @Override
          public void mqttErrorOccurred(MqttException exception) {}

          @Override
          public void deliveryComplete(IMqttToken token) {}

          @Override
          public void connectComplete(boolean reconnect, String serverUri) {}

          @Override
          public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
    client.connect(new MqttConnectionOptions()).waitForCompletion(10_000);
    client.subscribe(new MqttSubscription("greenbox/+/commands/ack", 1)).waitForCompletion(10_000);
    return client;
  }
}
