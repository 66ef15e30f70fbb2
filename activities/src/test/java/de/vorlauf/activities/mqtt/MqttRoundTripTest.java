package de.vorlauf.activities.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.testsupport.TestPorts;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MqttRoundTripTest {

  @Test
  void unreachableBrokerFailsWithItsUrlInTheMessage() {
    int closedPort = TestPorts.free(); // nothing listens there
    String url = "tcp://127.0.0.1:" + closedPort;
    MqttRoundTrip roundTrip =
        new MqttRoundTrip(
            new MqttSettings(url, null, null, Duration.ofSeconds(2), Duration.ofSeconds(2)),
            Clock.systemUTC());

    assertThatThrownBy(() -> roundTrip.run("self-check-x"))
        .isInstanceOf(MqttProbeException.class)
        .hasMessageContaining(url);
  }

  @Test
  void topicKeysCannotInjectWildcardsOrLevels() {
    assertThat(MqttRoundTrip.topicSafe("self-check-a/b+c#d e")).isEqualTo("self-check-a_b_c_d_e");
  }

  @Test
  void passwordNeverAppearsInToString() {
    MqttSettings settings =
        new MqttSettings("tcp://h:1", "u", "s3cret", Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(settings.toString()).doesNotContain("s3cret");
  }
}
