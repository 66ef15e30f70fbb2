package de.vorlauf.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import de.vorlauf.devstack.broker.BrokerAccessControl;
import de.vorlauf.devstack.broker.ExternalBroker;
import de.vorlauf.devstack.broker.MqttLogin;
import de.vorlauf.devstack.broker.MqttServiceAccounts;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.postgres.ExternalPostgres;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.devstack.service.Origin;
import de.vorlauf.devstack.temporal.ExternalTemporal;
import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.devstack.wildfly.AdminCredentials;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildEnvironmentTest {

  @TempDir Path secrets;

  private final RunningPostgres database =
      new ExternalPostgres("jdbc:postgresql://127.0.0.1:15432/vorlauf", "vorlauf", "db-secret");
  private final RunningBroker mqtt = new ExternalBroker("tcp://127.0.0.1:11883");
  private final RunningTemporal temporal = new ExternalTemporal("127.0.0.1:17233");

  @Test
  void theWorkerGetsEveryAddressAndThePasswordAsAFile() {
    Map<String, String> env =
        ChildEnvironment.worker(
            database, secrets.resolve("db-password"), mqtt, temporal, 18081, null);

    assertThat(env)
        .contains(
            entry("VORLAUF_DB_URL", "jdbc:postgresql://127.0.0.1:15432/vorlauf"),
            entry("VORLAUF_DB_USER", "vorlauf"),
            entry("VORLAUF_DB_PASSWORD_FILE", secrets.resolve("db-password").toString()),
            entry("VORLAUF_MQTT_URL", "tcp://127.0.0.1:11883"),
            entry("TEMPORAL_ADDRESS", "127.0.0.1:17233"),
            entry("VORLAUF_WORKER_HEALTH_PORT", "18081"),
            entry("OMP_NUM_THREADS", "1"))
        .doesNotContainKey("VORLAUF_DB_PASSWORD")
        .doesNotContainKeys("VORLAUF_MQTT_USER", "VORLAUF_BROKER_ACCESS_DIR");
  }

  @Test
  void everyChildLogsInTheLaunchersFormat() {
    Map<String, String> env = new java.util.HashMap<>(Map.of("VORLAUF_LOG_FORMAT", "keyvalue"));

    ChildEnvironment.withLogFormat(env, "json");

    assertThat(env).containsEntry("VORLAUF_LOG_FORMAT", "json");
  }

  @Test
  void theLaunchersOneWorkerSubscribesPlainlyUnlessAShareGroupIsConfigured() {
    Map<String, String> plain = new java.util.HashMap<>();
    ChildEnvironment.singleWorkerSubscription(plain, Map.of("VORLAUF_MQTT_SHARE_GROUP", " "));
    assertThat(plain).containsExactly(entry("VORLAUF_MQTT_SHARE_GROUP", "none"));

    // the worker inherits the launcher's environment: nothing to put, nothing to override
    Map<String, String> shared = new java.util.HashMap<>();
    ChildEnvironment.singleWorkerSubscription(shared, Map.of("VORLAUF_MQTT_SHARE_GROUP", "g1"));
    assertThat(shared).isEmpty();
  }

  @Test
  void withABrokerThatAuthenticatesTheWorkerAndWildflyGetTheirOwnLogins() {
    Path access = secrets.resolve("access");
    RunningBroker authenticating =
        new AuthenticatingBroker(new BrokerAccessControl(access, secrets.resolve("mosquitto.pid")));
    MqttServiceAccounts accounts =
        new MqttServiceAccounts(
            new MqttLogin("vorlauf-worker", "w-secret"),
            new MqttLogin("vorlauf-admin", "a-secret"));

    Map<String, String> worker =
        ChildEnvironment.worker(database, null, authenticating, temporal, 18081, accounts);
    Map<String, String> wildfly =
        ChildEnvironment.wildfly(
            database,
            authenticating,
            temporal,
            null,
            18081,
            AdminCredentials.write(secrets, "pw"),
            accounts);

    assertThat(worker)
        .contains(
            entry("VORLAUF_MQTT_USER", "vorlauf-worker"),
            entry("VORLAUF_MQTT_PASSWORD", "w-secret"),
            entry("VORLAUF_BROKER_ACCESS_DIR", access.toString()),
            entry("VORLAUF_BROKER_PID_FILE", secrets.resolve("mosquitto.pid").toString()));
    assertThat(wildfly)
        .contains(
            entry("VORLAUF_MQTT_USER", "vorlauf-admin"), entry("VORLAUF_MQTT_PASSWORD", "a-secret"))
        .doesNotContainKey("VORLAUF_BROKER_ACCESS_DIR");
  }

  @Test
  void wildflyGetsThePasswordTheOriginsAndTheAdminRealmFiles() {
    AdminCredentials admin = AdminCredentials.write(secrets, "pw");

    Map<String, String> env =
        ChildEnvironment.wildfly(
            database, mqtt, temporal, "http://127.0.0.1:18233/", 18081, admin, null);

    assertThat(env)
        .contains(
            entry("VORLAUF_DB_PASSWORD", "db-secret"),
            entry("VORLAUF_TEMPORAL_UI_URL", "http://127.0.0.1:18233/"),
            entry("VORLAUF_WORKER_HEALTH_URL", "http://127.0.0.1:18081/health"),
            entry("VORLAUF_ADMIN_USERS_FILE", secrets.resolve("admin-users.properties").toString()),
            entry(
                "VORLAUF_ADMIN_ROLES_FILE", secrets.resolve("admin-roles.properties").toString()));
    assertThat(env.get("VORLAUF_SERVICE_ORIGINS"))
        .startsWith(
            "database=PostgreSQL at jdbc:postgresql://127.0.0.1:15432/vorlauf (configured);")
        .contains(";mqtt=MQTT broker at tcp://127.0.0.1:11883 (configured);")
        .contains(";temporal=Temporal at 127.0.0.1:17233 (configured);")
        .endsWith(";worker=Vorlauf worker (started by Vorlauf)");
  }

  @Test
  void originLabelsCannotBreakTheListFormat() {
    RunningBroker odd = new ExternalBroker("tcp://x;y=z");

    assertThat(ChildEnvironment.origins(List.of(odd)))
        .isEqualTo("mqtt=MQTT broker at tcp://x,y:z (configured)");
  }

  private record AuthenticatingBroker(BrokerAccessControl access) implements RunningBroker {
    @Override
    public String url() {
      return "tcp://127.0.0.1:11883";
    }

    @Override
    public Optional<BrokerAccessControl> accessControl() {
      return Optional.of(access);
    }

    @Override
    public Origin origin() {
      return Origin.STARTED_BINARY;
    }

    @Override
    public String label() {
      return "Mosquitto (started by Vorlauf, per-device credentials)";
    }

    @Override
    public void stop() {}

    @Override
    public void start() {}

    @Override
    public void close() {}
  }
}
