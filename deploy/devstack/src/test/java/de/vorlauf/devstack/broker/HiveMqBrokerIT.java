package de.vorlauf.devstack.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.vorlauf.devstack.service.Origin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded fallback broker, used where Mosquitto is not installed. */
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
  void comesBackOnTheSamePortAfterAStop() throws Exception {
    try (RunningBroker broker =
        MqttBrokerService.start(BrokerOptions.forTest(dir, BrokerKind.HIVEMQ))) {
      broker.stop();
      broker.start();
      MosquittoBrokerIT.roundTrip(broker.url(), "after restart");
    }
  }
}
