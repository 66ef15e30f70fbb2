package de.vorlauf.devstack.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.vorlauf.devstack.service.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs the mosquitto binary: deploy/install-test-deps.sh installs it. */
class MosquittoBrokerIT {

  @TempDir Path dir;

  @BeforeAll
  static void mosquittoIsInstalled() {
    assertThat(MqttBrokerService.mosquittoBinary())
        .as("mosquitto must be installed for this test; run deploy/install-test-deps.sh")
        .isPresent();
  }

  @Test
  void deliversQos1MessagesAndComesBackAfterAStop() throws Exception {
    try (RunningBroker broker =
        MqttBrokerService.start(BrokerOptions.forTest(dir, BrokerKind.AUTO))) {
      assertThat(broker.origin()).isEqualTo(Origin.STARTED_BINARY);
      assertThat(broker.label()).matches("Mosquitto 2\\.\\S+ \\(started by Vorlauf\\)");
      assertThat(Files.readString(dir.resolve("mosquitto/mosquitto.conf")))
          .contains("max_queued_messages 0");
      roundTrip(broker.url(), "first");

      broker.stop();
      broker.start();

      roundTrip(broker.url(), "after restart");
    }
  }

  @Test
  void aBurstOf20kQos1MessagesArrivesCompletely() throws Exception {
    int count = 20_000;
    try (RunningBroker broker =
            MqttBrokerService.start(BrokerOptions.forTest(dir, BrokerKind.MOSQUITTO));
        MqttTestClient subscriber = new MqttTestClient(broker.url()).subscribe("burst/#");
        MqttTestClient publisher = new MqttTestClient(broker.url())) {
      publisher.publishBurst("burst/readings", count, 800);

      await().atMost(Duration.ofSeconds(90)).until(() -> subscriber.received.size() >= count);
      assertThat(new HashSet<>(subscriber.received)).hasSize(count);
    }
  }

  static void roundTrip(String url, String payload) throws Exception {
    try (MqttTestClient subscriber = new MqttTestClient(url).subscribe("it/round-trip");
        MqttTestClient publisher = new MqttTestClient(url)) {
      publisher.publish("it/round-trip", payload).waitForCompletion(10_000);
      await().atMost(Duration.ofSeconds(10)).until(() -> subscriber.received.contains(payload));
    }
  }
}
