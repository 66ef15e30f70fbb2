package de.vorlauf.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.devstack.process.Readiness;
import de.vorlauf.devstack.service.FreePorts;
import de.vorlauf.devstack.service.RunningService;
import de.vorlauf.devstack.service.Secrets;
import de.vorlauf.devstack.service.StateDir;
import de.vorlauf.devstack.supervision.ProcessStatus;
import de.vorlauf.devstack.supervision.SupervisionFiles;
import de.vorlauf.devstack.supervision.Supervisor;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's sequence with real services and fake worker / WildFly (their modules are tested
 * end to end in deploy/e2e): order, environment handed down, reports, lock, stop and restart.
 */
class LauncherIT {

  @TempDir Path repo;

  @Test
  void upStartsEverythingHandsDownTheAddressesAndKeepsTheDataAcrossRestarts() throws Exception {
    FakeRepository.create(repo);
    StateDir state = new StateDir(repo.resolve(".vorlauf"));
    LauncherConfig config = LauncherConfig.forTest(repo, state);
    String adminUrl = "http://127.0.0.1:" + (8080 + config.ports().wildflyOffset()) + "/";

    try (Platform platform = Launcher.up(config)) {
      assertThat(platform.services())
          .extracting(RunningService::name)
          .containsExactly("database", "mqtt", "temporal", "worker", "wildfly");
      assertThat(Files.readString(state.urls()))
          .contains("Admin UI:         " + adminUrl)
          .contains("password in " + state.secret("admin-password"));
      Properties services = new Properties();
      services.load(Files.newBufferedReader(state.servicesProperties()));
      assertThat(services.getProperty("database.origin")).isEqualTo("EMBEDDED");
      assertThat(services.getProperty("mqtt.url"))
          .isEqualTo("tcp://127.0.0.1:" + config.ports().mqtt());
      Properties worker = load(state.root().resolve("fake-worker.env"));
      assertThat(worker.getProperty("VORLAUF_DB_PASSWORD_FILE"))
          .isEqualTo(state.secret("db-password").toString());
      assertThat(worker.getProperty("TEMPORAL_ADDRESS"))
          .isEqualTo("127.0.0.1:" + config.ports().temporal());
      Properties wildfly = load(state.wildfly().resolve("fake-wildfly.env"));
      assertThat(wildfly.getProperty("VORLAUF_SERVICE_ORIGINS"))
          .startsWith("database=embedded PostgreSQL");
      assertThat(wildfly.getProperty("VORLAUF_ADMIN_USERS_FILE"))
          .isEqualTo(state.secret("admin-users.properties").toString());
      assertThat(wildfly.getProperty("JAVA_OPTS")).startsWith("-Xmx512m");
      // our Mosquitto requires logins: each platform client gets its own service account
      assertThat(services.getProperty("mqtt.authentication"))
          .startsWith("password_file and acl_file");
      assertThat(worker.getProperty("VORLAUF_MQTT_USER")).isEqualTo("vorlauf-worker");
      assertThat(worker.getProperty("VORLAUF_MQTT_PASSWORD"))
          .isEqualTo(Secrets.read(state.secret("mqtt-worker-password")));
      assertThat(worker.getProperty("VORLAUF_BROKER_ACCESS_DIR"))
          .isEqualTo(state.mosquitto().resolve("access").toString());
      assertThat(wildfly.getProperty("VORLAUF_MQTT_USER")).isEqualTo("vorlauf-admin");
      assertThat(wildfly.getProperty("VORLAUF_MQTT_PASSWORD"))
          .isEqualTo(Secrets.read(state.secret("mqtt-admin-password")));
      assertThatThrownBy(() -> Launcher.up(config)).hasMessageContaining("already running");
    }

    assertThat(Readiness.httpStatus(URI.create(adminUrl + "login.html"))).isEqualTo(-1);
    assertThat(FreePorts.isFree(config.ports().database())).isTrue();
    assertThat(LauncherLock.runningPid(state)).isEmpty();

    try (Platform again = Launcher.up(config)) {
      RunningPostgres database = again.service(RunningPostgres.class).orElseThrow();
      assertThat(count(database, "SELECT count(*) FROM launcher_runs")).isEqualTo(2);
    }
  }

  @Test
  void aDeadProcessIsRestartedByItselfAndOnRequest() throws Exception {
    FakeRepository.create(repo);
    StateDir state = new StateDir(repo.resolve(".vorlauf"));
    LauncherConfig config = LauncherConfig.forTest(repo, state);

    try (Platform platform = Launcher.up(config)) {
      long first = await().until(() -> worker(platform), s -> s.up()).pid();
      ProcessHandle.of(first).orElseThrow().destroyForcibly();
      ProcessStatus restarted =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(() -> worker(platform), s -> s.restarts() == 1 && s.up());
      assertThat(restarted.lastReason()).isEqualTo("exit code 137 (SIGKILL)");

      assertThat(LauncherCommands.restart(state, "wildfly")).isZero();
      ProcessStatus wildfly = status(platform, "wildfly");
      assertThat(wildfly.restarts()).isEqualTo(1);
      assertThat(wildfly.lastReason()).isEqualTo(Supervisor.REQUESTED);
      assertThat(LauncherCommands.restart(state, "no-such-service")).isEqualTo(1);
      assertThat(SupervisionFiles.read(state.supervisionProperties()))
          .extracting(ProcessStatus::name)
          .containsExactly("database", "mqtt", "temporal", "worker", "wildfly");

      // the embedded PostgreSQL is no child of ours (pg_ctl starts it), and is supervised too
      long postmaster = status(platform, "database").pid();
      assertThat(postmaster).isPositive();
      ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> status(platform, "database"), s -> s.restarts() == 1 && s.up());
      RunningPostgres database = platform.service(RunningPostgres.class).orElseThrow();
      assertThat(count(database, "SELECT count(*) FROM launcher_runs")).isEqualTo(1);
    }

    assertThat(LauncherCommands.restart(state, "worker")).as("no launcher runs").isEqualTo(3);
    assertThat(state.supervisionProperties()).doesNotExist();
  }

  private static ProcessStatus worker(Platform platform) {
    return status(platform, "worker");
  }

  private static ProcessStatus status(Platform platform, String name) {
    return platform.processStatuses().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aFailedMigrationStopsTheStartAndWhatWasStarted() throws Exception {
    FakeRepository.create(repo);
    StateDir state = new StateDir(repo.resolve(".vorlauf")).create();
    Files.writeString(state.root().resolve("fail-migrate"), "");
    LauncherConfig config = LauncherConfig.forTest(repo, state);

    assertThatThrownBy(() -> Launcher.up(config))
        .hasMessageContaining("Database migrations failed (exit code 3)");

    assertThat(FreePorts.isFree(config.ports().database())).isTrue();
    assertThat(FreePorts.isFree(config.ports().mqtt())).isTrue();
    assertThat(LauncherLock.runningPid(state)).isEmpty();
  }

  private static Properties load(Path file) throws Exception {
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    return properties;
  }

  private static int count(RunningPostgres database, String sql) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getInt(1);
    }
  }
}
