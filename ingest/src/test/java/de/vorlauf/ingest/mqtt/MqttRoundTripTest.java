package de.vorlauf.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.testsupport.TestPorts;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MqttRoundTripTest {

  @Test
  void unreachableBrokerFailsWithItsUrlInTheMessage() {
    int closedPort = TestPorts.free(); // nothing listens there
    String url = "tcp://127.0.0.1:" + closedPort;
    MqttRoundTrip roundTrip =
        new MqttRoundTrip(
            new RoundTripSettings(url, null, null, Duration.ofSeconds(2), Duration.ofSeconds(2)),
            RoundTripScope.SELF_CHECK,
            Clock.systemUTC());

    assertThatThrownBy(() -> roundTrip.run("self-check-x"))
        .isInstanceOf(MqttProbeException.class)
        .hasMessageContaining(url)
        .extracting(e -> ((MqttProbeException) e).failure())
        .isEqualTo(MqttProbeException.Failure.UNREACHABLE);
  }

  @Test
  void topicKeysCannotInjectWildcardsOrLevels() {
    assertThat(MqttRoundTrip.topicSafe("self-check-a/b+c#d e")).isEqualTo("self-check-a_b_c_d_e");
  }

  /** Another prefix would be refused by the broker for that service account's login. */
  @ParameterizedTest
  @EnumSource(RoundTripScope.class)
  void everyScopesTopicsAreGrantedToItsServiceAccount(RoundTripScope scope) {
    assertThat(scope.account().aclRules()).contains("topic readwrite " + scope.topicPrefix() + "#");
    if (scope.readsBrokerVersion()) {
      assertThat(scope.account().aclRules()).contains("topic read " + MqttRoundTrip.VERSION_TOPIC);
    }
  }

  @Test
  void passwordNeverAppearsInToString() {
    RoundTripSettings settings =
        new RoundTripSettings(
            "tcp://h:1", "u", "s3cret", Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(settings.toString()).doesNotContain("s3cret");
  }
}
