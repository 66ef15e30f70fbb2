package de.vorlauf.devstack.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import de.vorlauf.devstack.service.Secrets;
import de.vorlauf.domain.broker.MosquittoPasswordHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mosquitto started with service logins (as the launcher does): anonymous clients are refused, each
 * service account reaches its own topics. Needs mosquitto and mosquitto_passwd.
 */
class MosquittoAuthenticationIT {

  @TempDir Path dir;

  private final MqttLogin worker = new MqttLogin("vorlauf-worker", Secrets.generatePassword(24));
  private final MqttLogin admin = new MqttLogin("vorlauf-admin", Secrets.generatePassword(24));

  @BeforeAll
  static void mosquittoIsInstalled() {
    assertThat(MqttBrokerService.mosquittoBinary())
        .as("mosquitto must be installed for this test; run deploy/install-test-deps.sh")
        .isPresent();
  }

  @Test
  void onlyTheServiceAccountsGetInEachToItsOwnTopics() throws Exception {
    BrokerOptions options =
        BrokerOptions.forTest(dir, BrokerKind.MOSQUITTO).withServiceLogins(List.of(worker, admin));
    try (RunningBroker broker = MqttBrokerService.start(options)) {
      assertThat(broker.label()).endsWith("(started by Vorlauf, per-device credentials)");
      assertThat(broker.accessControl())
          .contains(
              new BrokerAccessControl(
                  dir.resolve("mosquitto/access"), dir.resolve("mosquitto/mosquitto.pid")));

      assertThatThrownBy(() -> new MqttTestClient(broker.url()).close())
          .isInstanceOf(MqttException.class);
      assertThatThrownBy(
              () -> new MqttTestClient(broker.url(), new MqttLogin("vorlauf-worker", "x")).close())
          .isInstanceOf(MqttException.class);

      roundTrip(broker.url(), worker, "vorlauf/self-check/it");
      roundTrip(broker.url(), admin, "vorlauf/probe/admin/it");
      try (MqttTestClient client = new MqttTestClient(broker.url(), admin)) {
        // MQTT 5: the broker answers a refused QoS 1 publish with PUBACK 0x87 (not authorized)
        assertThat(pubackReason(client.publish("vorlauf/self-check/x", "no"))).isEqualTo(0x87);
      }

      broker.stop();
      broker.start();
      roundTrip(broker.url(), worker, "vorlauf/self-check/after-restart");
    }
  }

  @Test
  void mosquittoPasswdHashesAreReadByOurVerifier() throws Exception {
    Path passwd = dir.resolve("passwd");
    Process process =
        new ProcessBuilder("mosquitto_passwd", "-c", passwd.toString(), "someone")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    process.getOutputStream().write("s3cret\ns3cret\n".getBytes());
    process.getOutputStream().close();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();

    String hash = Files.readString(passwd).strip().split(":", 2)[1];
    assertThat(MosquittoPasswordHash.verify("s3cret", hash)).isTrue();
    assertThat(MosquittoPasswordHash.verify("s3cret!", hash)).isFalse();
  }

  private static int pubackReason(IMqttToken token) {
    try {
      token.waitForCompletion(10_000);
      return token.getReasonCodes()[0];
    } catch (MqttException e) {
      return e.getReasonCode();
    }
  }

  private static void roundTrip(String url, MqttLogin login, String topic) throws Exception {
    try (MqttTestClient subscriber = new MqttTestClient(url, login).subscribe(topic);
        MqttTestClient publisher = new MqttTestClient(url, login)) {
      publisher.publish(topic, "hello " + login.user()).waitForCompletion(10_000);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> subscriber.received.contains("hello " + login.user()));
    }
  }
}
