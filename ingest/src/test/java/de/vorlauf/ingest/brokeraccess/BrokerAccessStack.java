package de.vorlauf.ingest.brokeraccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.devstack.broker.BrokerAccessControl;
import de.vorlauf.devstack.broker.BrokerKind;
import de.vorlauf.devstack.broker.BrokerOptions;
import de.vorlauf.devstack.broker.MqttBrokerService;
import de.vorlauf.devstack.broker.MqttLogin;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.ingest.MigratedSchema;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import de.vorlauf.testsupport.SharedServices;
import de.vorlauf.testsupport.mqtt.MqttTestClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * What the broker-access ITs share: the registry in PostgreSQL, a broker the launcher's way (with
 * service logins) and the worker's sync into its access folder, reloading it as the worker would:
 * SIGHUP for Mosquitto, nothing for the embedded HiveMQ (it re-reads the files itself).
 */
final class BrokerAccessStack implements AutoCloseable {

  final RunningPostgres postgres;
  final HikariDataSource dataSource;
  final RunningBroker broker;
  final BrokerAccessSync sync;
  final TestRegistry registry;

  /** Reloads the sync asked for. */
  final AtomicInteger reloads = new AtomicInteger();

  private BrokerAccessStack(Class<?> test, Path dir, BrokerKind kind, List<MqttLogin> logins) {
    postgres = SharedServices.database(test, MigratedSchema.class);
    dataSource =
        PooledDataSources.create(
            new DatabaseSettings(
                postgres.jdbcUrl(),
                postgres.user(),
                postgres.password(),
                2,
                Duration.ofSeconds(10)),
            test.getSimpleName());
    broker =
        MqttBrokerService.start(
            BrokerOptions.forTest(dir.resolve("mqtt"), kind).withServiceLogins(logins));
    BrokerAccessControl access = broker.accessControl().orElseThrow();
    BrokerReload reload =
        access.pidFile() == null ? BrokerReload.NONE : new MosquittoReload(access.pidFile());
    sync =
        new BrokerAccessSync(
            dataSource,
            access.dir(),
            null,
            () -> {
              reloads.incrementAndGet();
              return reload.reload();
            },
            Clock.systemUTC());
    registry = new TestRegistry(dataSource);
  }

  static BrokerAccessStack start(Class<?> test, Path dir, BrokerKind kind, List<MqttLogin> logins) {
    return new BrokerAccessStack(test, dir, kind, logins);
  }

  /** The broker applies a sync with a delay (SIGHUP handling, the file watch): up to 10 s. */
  MqttTestClient connectEventually(String user, String password) {
    AtomicReference<MqttTestClient> client = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(
            () -> {
              client.set(MqttTestClient.connect(broker.url(), null, user, password));
              return true;
            });
    return client.get();
  }

  void assertRefused(String user, String password) {
    assertThatThrownBy(() -> MqttTestClient.connect(broker.url(), null, user, password).close())
        .as("login of %s", user)
        .isInstanceOf(MqttException.class)
        .extracting(e -> ((MqttException) e).getReasonCode())
        .isIn(0x86, 0x87);
  }

  static void assertAccepted(int pubackReason) {
    assertThat(pubackReason).as("PUBACK reason code").isLessThan(0x80);
  }

  @Override
  public void close() {
    sync.close();
    broker.close();
    dataSource.close();
    postgres.close();
  }
}
