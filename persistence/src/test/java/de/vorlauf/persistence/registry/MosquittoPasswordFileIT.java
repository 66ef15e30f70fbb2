package de.vorlauf.persistence.registry;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.devstack.postgres.PostgresOptions;
import de.vorlauf.devstack.postgres.PostgresService;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.devstack.process.Executables;
import de.vorlauf.devstack.service.FreePorts;
import de.vorlauf.persistence.Migrations;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real Mosquitto 2.0 accepts the password file generated from the registry (a migrated embedded
 * PostgreSQL): an active device logs in with its token; a wrong token, a revoked credential and a
 * deactivated device are refused.
 */
class MosquittoPasswordFileIT {

  private Path dir;
  private Process broker;
  private int port;
  private DeviceToken token;
  private DeviceToken revoked;
  private DeviceToken inactive;

  @BeforeEach
  void startBroker() throws Exception {
    dir = Files.createTempDirectory("vorlauf-mosquitto-pw-");
    port = FreePorts.find();
    token = DeviceToken.generate();
    revoked = DeviceToken.generate();
    inactive = DeviceToken.generate();
    try (RunningPostgres postgres =
        PostgresService.start(PostgresOptions.forTest(dir.resolve("pg")))) {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setUrl(postgres.jdbcUrl());
      ds.setUser(postgres.user());
      ds.setPassword(postgres.password());
      Migrations.migrate(ds);
      try (Connection c = ds.getConnection()) {
        register(c);
        Files.writeString(dir.resolve("passwd"), MosquittoPasswordFile.render(c, Instant.now()));
      }
    }
    Files.writeString(
        dir.resolve("mosquitto.conf"),
        """
        listener %d 127.0.0.1
        allow_anonymous false
        password_file %s
        persistence false
        user %s
        """
            .formatted(port, dir.resolve("passwd"), System.getProperty("user.name")));
    Path mosquitto =
        Executables.find("mosquitto", Path.of("/usr/sbin"))
            .orElseThrow(
                () -> new IllegalStateException("install mosquitto (apt-get install mosquitto)"));
    broker =
        new ProcessBuilder(mosquitto.toString(), "-c", dir.resolve("mosquitto.conf").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("broker.log").toFile())
            .start();
    awaitListening();
  }

  @AfterEach
  void stopBroker() throws Exception {
    if (broker != null) {
      broker.destroy();
      if (!broker.waitFor(10, TimeUnit.SECONDS)) {
        broker.destroyForcibly();
      }
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Test
  void brokerAcceptsTheRegistrysTokensAndRefusesAnythingElse() throws Exception {
    assertThat(Files.readAllLines(dir.resolve("passwd"))).hasSize(2); // comment + gb-0001

    assertThat(publish("gb-0001", token.value())).as(log()).isZero();
    assertThat(publish("gb-0001", token.value() + "x")).isNotZero();
    assertThat(publish("gb-0001", revoked.value())).isNotZero();
    assertThat(publish("gb-0002", inactive.value())).isNotZero();
  }

  /** gb-0001: active, one valid and one revoked credential; gb-0002: deactivated. */
  private void register(Connection c) throws SQLException {
    execute(
        c,
        "INSERT INTO buildings (id, name, time_zone, heating_type) VALUES ('b-1', 'B', 'Europe/Berlin', 'gas')");
    execute(c, "INSERT INTO devices (id, building_id) VALUES ('gb-0001', 'b-1')");
    execute(c, "INSERT INTO devices (id, building_id, active) VALUES ('gb-0002', 'b-1', false)");
    credential(c, "gb-0001", revoked, Instant.now());
    credential(c, "gb-0001", token, null);
    credential(c, "gb-0002", inactive, null);
  }

  private static void credential(Connection c, String device, DeviceToken t, Instant revokedAt)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            """
            INSERT INTO device_credentials
                (device_id, token_hint, token_sha256, mosquitto_hash, created_by, revoked_at)
            VALUES (?, ?, ?, ?, 'test', ?)
            """)) {
      insert.setString(1, device);
      insert.setString(2, t.hint());
      insert.setBytes(3, t.sha256());
      insert.setString(4, MosquittoPasswordHash.hash(t.value()));
      insert.setTimestamp(5, revokedAt == null ? null : Timestamp.from(revokedAt));
      insert.executeUpdate();
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      statement.executeUpdate();
    }
  }

  private int publish(String user, String password) throws Exception {
    Path pub = Executables.find("mosquitto_pub", Path.of("/usr/bin")).orElseThrow();
    Process process =
        new ProcessBuilder(
                List.of(
                    pub.toString(),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    String.valueOf(port),
                    "-u",
                    user,
                    "-P",
                    password,
                    "-t",
                    "greenbox/" + user + "/sensors",
                    "-m",
                    "{}",
                    "-q",
                    "1"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }

  private void awaitListening() throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        assertThat(broker.isAlive()).as(log()).isTrue();
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("mosquitto did not listen on " + port + ": " + log());
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("broker.log"));
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
