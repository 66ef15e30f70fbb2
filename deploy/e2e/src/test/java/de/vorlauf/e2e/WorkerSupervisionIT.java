package de.vorlauf.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.vorlauf.devstack.Launcher;
import de.vorlauf.devstack.LauncherConfig;
import de.vorlauf.devstack.Platform;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.devstack.service.StateDir;
import de.vorlauf.devstack.supervision.ProcessStatus;
import de.vorlauf.domain.broker.MosquittoPasswordHash;
import de.vorlauf.persistence.registry.DeviceToken;
import de.vorlauf.testsupport.metrics.MetricsCatalogue;
import de.vorlauf.testsupport.mqtt.MqttTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 14 item 5 as ops tried it: the worker is killed with SIGKILL while a device publishes QoS 1
 * readings; the launcher notices, starts it again, and every reading the broker accepted is stored
 * exactly once (the worker's persistent session keeps what came meanwhile; a redelivery is
 * absorbed). The launcher starts its real services and the real worker; WildFly is a stand-in,
 * since this is about the worker, and the admin WAR plays no part in ingestion.
 */
class WorkerSupervisionIT {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerSupervisionIT.class);
  private static final String DEVICE = "sup-dev-1";
  private static final int READINGS = 2;

  @TempDir Path tmp;

  private final AtomicBoolean publishing = new AtomicBoolean(true);
  private final AtomicInteger published = new AtomicInteger();

  @Test
  void aWorkerKilledWhileADevicePublishesIsRestartedAndEveryReadingStoredOnce() throws Exception {
    Path repo = standInRepository(tmp.resolve("repo"));
    StateDir state = new StateDir(tmp.resolve("state"));
    LauncherConfig config = LauncherConfig.forTest(repo, state);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try (Platform platform = Launcher.up(config)) {
      RunningPostgres db = platform.service(RunningPostgres.class).orElseThrow();
      String token = registerDevice(db);
      RunningBroker broker = platform.service(RunningBroker.class).orElseThrow();
      // the worker exports the new credential to the broker within a second or two
      MqttTestClient device =
          await()
              .atMost(Duration.ofSeconds(60))
              .ignoreExceptions()
              .until(() -> MqttTestClient.connect(broker.url(), DEVICE, DEVICE, token), c -> true);
      Future<Integer> publisher = executor.submit(() -> publish(device));
      await().atMost(Duration.ofSeconds(60)).until(() -> stored(db) > 0);
      long firstPid = worker(platform).pid();

      ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();
      int atKill = published.get();
      LOG.info("worker (pid {}) killed after {} messages", firstPid, atKill);

      ProcessStatus restarted =
          await()
              .atMost(Duration.ofSeconds(180))
              .pollInterval(Duration.ofMillis(500))
              .until(() -> worker(platform), s -> s.restarts() == 1 && s.up());
      assertThat(restarted.pid()).isNotEqualTo(firstPid);
      assertThat(restarted.lastReason()).isEqualTo("exit code 137 (SIGKILL)");
      int atRestart = published.get();
      LOG.info("worker back (pid {}); {} messages meanwhile", restarted.pid(), atRestart - atKill);
      await().atMost(Duration.ofSeconds(60)).until(() -> published.get() > atRestart + 50);
      publishing.set(false);
      int total = publisher.get();
      // a last message after every other: the broker delivers a session's messages in order,
      // redeliveries first, so once this one is stored a duplicate would be stored too
      device.publishUntilAccepted(
          "greenbox/" + DEVICE + "/sensors",
          message(Instant.now().truncatedTo(ChronoUnit.MILLIS), 99)
              .getBytes(StandardCharsets.UTF_8),
          Duration.ofSeconds(30));
      device.close();

      assertThat(atRestart - atKill).as("published while the worker was down").isPositive();
      long expected = (long) (total + 1) * READINGS;
      await().atMost(Duration.ofSeconds(90)).until(() -> stored(db) >= expected);
      assertThat(stored(db)).isEqualTo(expected);
      assertThat(scrape(config))
          .contains("vorlauf_launcher_process_restarts_total{process=\"worker\"} 1.0")
          .contains("vorlauf_launcher_process_up{process=\"worker\"} 1.0");
      assertThat(MetricsCatalogue.load().launcher())
          .as("the dashboard's launcher metrics, each on the launcher's scrape")
          .isNotEmpty()
          .allSatisfy(name -> assertThat(scrape(config)).contains(name + "{"));
      assertThat(Files.readString(state.supervisionProperties()))
          .contains("worker.restarts=1")
          .contains("worker.lastReason=exit code 137 (SIGKILL)");
    } finally {
      publishing.set(false);
      executor.shutdownNow();
    }
  }

  /** ~20 QoS 1 messages a second, each accepted by the broker before the next, until told. */
  private int publish(MqttTestClient device) throws Exception {
    Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);
    int i = 0;
    while (publishing.get()) {
      String payload = message(base.plusMillis(100L * i), 40 + i % 10);
      device.publishUntilAccepted(
          "greenbox/" + DEVICE + "/sensors",
          payload.getBytes(StandardCharsets.UTF_8),
          Duration.ofSeconds(30));
      published.set(++i);
      Thread.sleep(50); // pacing the publisher (~20 a second), not waiting for anything
    }
    return i;
  }

  private static String message(Instant time, double value) {
    return ("{\"device_id\":\"%s\",\"timestamp\":\"%s\",\"readings\":["
            + "{\"sensor_id\":\"vorlauf_temp_hk1\",\"value\":%s,\"unit\":\"degC\"},"
            + "{\"sensor_id\":\"ruecklauf_temp_hk1\",\"value\":%s,\"unit\":\"degC\"}]}")
        .formatted(DEVICE, time, value, value - 10);
  }

  private static ProcessStatus worker(Platform platform) {
    return platform.processStatuses().stream()
        .filter(s -> s.name().equals("worker"))
        .findFirst()
        .orElseThrow();
  }

  /** A building, the device and its credential, as the admin API writes them. */
  private static String registerDevice(RunningPostgres db) throws Exception {
    DeviceToken token = DeviceToken.generate();
    try (Connection c = connect(db)) {
      c.createStatement()
          .execute(
              "INSERT INTO buildings (id, name, time_zone, heating_type)"
                  + " VALUES ('sup-b', 'Supervision', 'Europe/Berlin', 'gas')");
      try (PreparedStatement s =
          c.prepareStatement("INSERT INTO devices (id, building_id) VALUES (?, 'sup-b')")) {
        s.setString(1, DEVICE);
        s.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              """
              INSERT INTO device_credentials (device_id, token_hint, token_sha256,
                  mosquitto_hash, created_by)
              VALUES (?, ?, ?, ?, 'it')
              """)) {
        s.setString(1, DEVICE);
        s.setString(2, token.hint());
        s.setBytes(3, token.sha256());
        s.setString(4, MosquittoPasswordHash.hash(token.value()));
        s.executeUpdate();
      }
    }
    return token.value();
  }

  private static long stored(RunningPostgres db) throws Exception {
    try (Connection c = connect(db);
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM sensor_readings WHERE device_id = ?")) {
      s.setString(1, DEVICE);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static Connection connect(RunningPostgres db) throws Exception {
    return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
  }

  private static String scrape(LauncherConfig config) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + config.ports().launcherMetrics() + "/metrics");
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /**
   * A checkout whose worker is the real one (its target folder, with lib/) and whose WildFly is
   * {@link StandInWildfly}.
   */
  private static Path standInRepository(Path repo) throws Exception {
    Path real = Path.of(System.getProperty("vorlauf.repo")).toAbsolutePath();
    Files.createDirectories(repo.resolve("worker"));
    Files.createSymbolicLink(repo.resolve("worker/target"), real.resolve("worker/target"));
    Path server = repo.resolve("deploy/wildfly/target/server");
    Files.createDirectories(server.resolve("standalone/configuration"));
    Files.writeString(server.resolve("standalone/configuration/standalone.xml"), "<server/>");
    Path script = Files.createDirectories(server.resolve("bin")).resolve("standalone.sh");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(
        script,
        "#!/bin/sh\nexec "
            + java
            + " -Xmx64m -cp '"
            + System.getProperty("java.class.path")
            + "' "
            + StandInWildfly.class.getName()
            + " \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(repo.resolve("web-admin/target"));
    Files.writeString(repo.resolve("web-admin/target/vorlauf-admin.war"), "a stand-in");
    return repo;
  }
}
