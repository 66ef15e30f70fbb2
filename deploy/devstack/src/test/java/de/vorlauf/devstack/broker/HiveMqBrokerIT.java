package de.vorlauf.devstack.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import de.vorlauf.devstack.service.Origin;
import de.vorlauf.devstack.service.Secrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded fallback broker, used where Mosquitto is not installed. The registry's devices and
 * gateways on it: {@code BrokerAccessHiveMqIT} in ingest.
 */
class HiveMqBrokerIT {

  @TempDir Path dir;

  @Test
  void deliversQos1MessagesAndSplitsASharedSubscription() throws Exception {
    try (RunningBroker broker =
        MqttBrokerService.start(BrokerOptions.forTest(dir, BrokerKind.HIVEMQ))) {
      assertThat(broker.origin()).isEqualTo(Origin.EMBEDDED);
      assertThat(broker.label()).startsWith("HiveMQ CE");
      MosquittoBrokerIT.roundTrip(broker.url(), "hello hivemq");

      String group = "$share/workers/shared/#";
      MqttTestClient first = new MqttTestClient(broker.url()).subscribe(group);
      try (MqttTestClient second = new MqttTestClient(broker.url()).subscribe(group);
          MqttTestClient publisher = new MqttTestClient(broker.url())) {
        publisher.publishBurst("shared/readings", 500, 100);
        await().atMost(Duration.ofSeconds(30)).until(() -> total(first, second) >= 500);
        // shared: each message went to exactly one member, never to both (a copy to both would
        // show as more deliveries than distinct messages). Which member takes how many is HiveMQ's
        // choice: it favours the member with room in its inflight window, so on a quiet machine
        // one fast member may take the whole burst (seen in CI); a split is therefore not asserted
        // here, but the failover below proves the second member is a live member of the group.
        Set<String> distinct = new HashSet<>(first.received);
        distinct.addAll(second.received);
        assertThat(distinct).hasSize(500);
        assertThat(total(first, second)).isEqualTo(500);

        first.close();
        int before = second.received.size();
        publisher.publishBurst("shared/readings", 100, 100);
        await().atMost(Duration.ofSeconds(30)).until(() -> second.received.size() - before >= 100);
      }
    }
  }

  private static int total(MqttTestClient first, MqttTestClient second) {
    return first.received.size() + second.received.size();
  }

  @Test
  void withServiceLoginsOnlyTheyGetInFromTheAccessFilesAsWithMosquitto() throws Exception {
    MqttLogin worker = new MqttLogin("vorlauf-worker", Secrets.generatePassword(24));
    BrokerOptions options =
        BrokerOptions.forTest(dir, BrokerKind.HIVEMQ).withServiceLogins(List.of(worker));
    try (RunningBroker broker = MqttBrokerService.start(options)) {
      assertThat(broker.label()).endsWith("(embedded, per-device credentials)");
      assertThat(broker.accessControl())
          .contains(new BrokerAccessControl(dir.resolve("hivemq/access"), null));
      assertThat(dir.resolve("hivemq/access/passwd"))
          .content()
          .startsWith("#")
          .contains("vorlauf-worker:$7$");

      assertThatThrownBy(() -> new MqttTestClient(broker.url()).close())
          .isInstanceOf(MqttException.class);
      assertThatThrownBy(
              () -> new MqttTestClient(broker.url(), new MqttLogin("vorlauf-worker", "x")).close())
          .isInstanceOf(MqttException.class);
      try (MqttTestClient subscriber =
              new MqttTestClient(broker.url(), worker).subscribe("vorlauf/self-check/it");
          MqttTestClient publisher = new MqttTestClient(broker.url(), worker)) {
        publisher.publish("vorlauf/self-check/it", "hello").waitForCompletion(10_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> subscriber.received.contains("hello"));
      }

      broker.stop();
      broker.start();
      new MqttTestClient(broker.url(), worker).close();
    }
  }

  @Test
  void comesBackOnTheSamePortAfterAStop() throws Exception {
    try (RunningBroker broker =
        MqttBrokerService.start(BrokerOptions.forTest(dir, BrokerKind.HIVEMQ))) {
      broker.stop();
      broker.start();
      MosquittoBrokerIT.roundTrip(broker.url(), "after restart");
    }
  }
}
