package de.vorlauf.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.devstack.broker.BrokerKind;
import de.vorlauf.devstack.broker.BrokerOptions;
import de.vorlauf.devstack.broker.MqttBrokerService;
import de.vorlauf.devstack.broker.MqttLogin;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.service.Secrets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip against Mosquitto as the launcher starts it, with the service accounts' ACLs: each
 * scope works for its own login, and a login without the scope's prefix gets nothing back.
 */
class MqttRoundTripMosquittoIT {

  private static final MqttLogin WORKER =
      new MqttLogin("vorlauf-worker", Secrets.generatePassword(24));
  private static final MqttLogin ADMIN =
      new MqttLogin("vorlauf-admin", Secrets.generatePassword(24));

  @TempDir static Path dir;
  private static RunningBroker broker;

  @BeforeAll
  static void startBroker() {
    broker =
        MqttBrokerService.start(
            BrokerOptions.forTest(dir.resolve("mqtt"), BrokerKind.MOSQUITTO)
                .withServiceLogins(List.of(WORKER, ADMIN)));
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void theSelfCheckMakesItsRoundTripAsTheWorker() {
    MqttRoundTrip.Result result = roundTrip(WORKER, RoundTripScope.SELF_CHECK).run("self-check-1");

    assertThat(result.topic()).startsWith("vorlauf/self-check/self-check-1/");
    assertThat(result.latencyNanos()).isPositive();
    assertThat(result.brokerVersion()).isEmpty();
  }

  @Test
  void theAdminProbeMakesItsRoundTripAndReadsTheBrokerVersion() {
    MqttRoundTrip.Result result = roundTrip(ADMIN, RoundTripScope.ADMIN_PROBE).run();

    assertThat(result.topic()).startsWith("vorlauf/probe/admin/");
    assertThat(result.brokerVersion()).hasValueSatisfying(v -> assertThat(v).contains("mosquitto"));
  }

  @Test
  void aLoginWithoutTheScopesPrefixGetsNothingBack() {
    assertThatThrownBy(() -> roundTrip(WORKER, RoundTripScope.ADMIN_PROBE).run())
        .isInstanceOf(MqttProbeException.class)
        .extracting(e -> ((MqttProbeException) e).failure())
        .isEqualTo(MqttProbeException.Failure.NOT_RETURNED);
  }

  private static MqttRoundTrip roundTrip(MqttLogin login, RoundTripScope scope) {
    return new MqttRoundTrip(
        new RoundTripSettings(
            broker.url(),
            login.user(),
            login.password(),
            Duration.ofSeconds(3),
            Duration.ofSeconds(2)),
        scope,
        Clock.systemUTC());
  }
}
