package de.vorlauf.ingest.brokeraccess;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.domain.broker.MosquittoPasswordHash;
import de.vorlauf.ingest.MigratedSchema;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import de.vorlauf.persistence.registry.DeviceToken;
import de.vorlauf.testsupport.SharedServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The export against a migrated PostgreSQL: who gets a login, with which token, and when. */
class BrokerAccessExportIT {

  private static final Logger log = LoggerFactory.getLogger(BrokerAccessExportIT.class);
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir static Path dbDir;
  private static RunningPostgres postgres;
  private static HikariDataSource dataSource;

  @TempDir Path out;

  @BeforeAll
  static void migrate() {
    postgres = SharedServices.database(BrokerAccessExportIT.class, MigratedSchema.class);
    dataSource =
        PooledDataSources.create(
            new DatabaseSettings(
                postgres.jdbcUrl(),
                postgres.user(),
                postgres.password(),
                2,
                Duration.ofSeconds(10)),
            "broker-access-it");
  }

  @AfterAll
  static void stop() {
    if (dataSource != null) {
      dataSource.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void onlyActiveDevicesWithAValidCredentialGetALoginAndARotationKeepsTheOldTokenUntilItExpires()
      throws Exception {
    String b = building("export-1");
    Map<String, String> hash = new HashMap<>();
    hash.put("a", credential(device("ex-a", b, true), null, null));
    credential(device("ex-inactive", b, false), null, null);
    credential(device("ex-revoked", b, true), null, NOW.minusSeconds(1));
    credential(device("ex-expired", b, true), NOW, null);
    device("ex-none", b, true);
    String rotating = device("ex-rotating", b, true);
    hash.put("old", credential(rotating, NOW.plusSeconds(3600), null));
    hash.put("new", credential(rotating, null, null));
    credential(device("ex/escape", b, true), null, null);
    credential(device("vorlauf-worker", b, true), null, null);
    Files.writeString(out.resolve("service-accounts"), "vorlauf-worker:$7$101$c2FsdA==$aGFzaA==\n");
    BrokerAccessExport export = new BrokerAccessExport(dataSource, out, null);

    BrokerAccessExport.Result result = export.export(NOW);

    assertThat(result.changed()).isTrue();
    assertThat(result.serviceAccounts()).isEqualTo(1);
    assertThat(lines(export.passwordFile()))
        .contains("vorlauf-worker:$7$101$c2FsdA==$aGFzaA==")
        .contains("ex-a:" + hash.get("a"), "ex-rotating:" + hash.get("old"))
        .noneMatch(l -> l.startsWith("ex-inactive:") || l.startsWith("ex-revoked:"))
        .noneMatch(l -> l.startsWith("ex-expired:") || l.startsWith("ex-none:"))
        .noneMatch(l -> l.startsWith("ex/escape:"))
        .filteredOn(l -> l.startsWith("vorlauf-worker:"))
        .hasSize(1);
    assertThat(result.warnings())
        .contains(
            "device 'ex/escape' left out: its id cannot be an MQTT user name",
            "device 'vorlauf-worker' left out: the name belongs to a service account");
    assertThat(Files.readString(export.aclFile())).contains("user vorlauf-worker\n");

    assertThat(export.export(NOW.plusSeconds(60)).changed()).isFalse();

    BrokerAccessExport.Result afterOverlap = export.export(NOW.plusSeconds(3600));
    assertThat(afterOverlap.passwordFileChanged()).isTrue();
    assertThat(afterOverlap.aclFileChanged()).isFalse();
    assertThat(lines(export.passwordFile())).contains("ex-rotating:" + hash.get("new"));
  }

  @Test
  void revokingAndIssuingChangeThePasswordFileAtTheNextExport() throws Exception {
    String device = device("rv-1", building("export-2"), true);
    BrokerAccessExport export = new BrokerAccessExport(dataSource, out, null);
    assertThat(lines(exported(export))).noneMatch(l -> l.startsWith("rv-1:"));

    String first = credential(device, null, null);
    assertThat(lines(exported(export))).contains("rv-1:" + first);

    execute("UPDATE device_credentials SET revoked_at = now() WHERE device_id = 'rv-1'");
    assertThat(lines(exported(export))).noneMatch(l -> l.startsWith("rv-1:"));

    String second = credential(device, null, null);
    assertThat(lines(exported(export))).contains("rv-1:" + second);

    execute("UPDATE devices SET active = false WHERE id = 'rv-1'");
    assertThat(lines(exported(export))).noneMatch(l -> l.startsWith("rv-1:"));
  }

  @Test
  void tenThousandDevicesExportInOneQuery() throws Exception {
    String b = building("export-scale");
    String hash = MosquittoPasswordHash.hash(DeviceToken.generate().value());
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          ("INSERT INTO devices (id, building_id) SELECT 'scale-' || i, '%s'"
                  + " FROM generate_series(1, 10000) i")
              .formatted(b));
      s.execute(
          ("INSERT INTO device_credentials (device_id, token_hint, token_sha256, mosquitto_hash,"
                  + " created_by) SELECT 'scale-' || i, 'vlf_x…',"
                  + " sha256(('scale-' || i)::bytea), '%s', 'it'"
                  + " FROM generate_series(1, 10000) i")
              .formatted(hash));
    }
    BrokerAccessExport export = new BrokerAccessExport(dataSource, out, null);
    export.export(NOW);

    long begin = System.nanoTime();
    BrokerAccessExport.Result unchanged = export.export(NOW);
    long millis = (System.nanoTime() - begin) / 1_000_000;

    log.info("export of {} devices, unchanged, took {} ms", unchanged.devices(), millis);
    assertThat(unchanged.devices()).isGreaterThanOrEqualTo(10_000);
    assertThat(unchanged.changed()).isFalse();
  }

  private static Path exported(BrokerAccessExport export) throws Exception {
    export.export(Instant.now());
    return export.passwordFile();
  }

  private static List<String> lines(Path file) throws Exception {
    return Files.readAllLines(file);
  }

  private static String building(String id) throws SQLException {
    execute(
        "INSERT INTO buildings (id, name, time_zone, heating_type) VALUES ('%s', '%s',"
                .formatted(id, id)
            + " 'Europe/Berlin', 'gas')");
    return id;
  }

  private static String device(String id, String building, boolean active) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("INSERT INTO devices (id, building_id, active) VALUES (?, ?, ?)")) {
      s.setString(1, id);
      s.setString(2, building);
      s.setBoolean(3, active);
      s.executeUpdate();
    }
    return id;
  }

  /** A new credential; returns its Mosquitto hash. */
  private static String credential(String device, Instant expiresAt, Instant revokedAt)
      throws SQLException {
    DeviceToken token = DeviceToken.generate();
    String hash = MosquittoPasswordHash.hash(token.value());
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                """
                INSERT INTO device_credentials (device_id, token_hint, token_sha256,
                    mosquitto_hash, created_by, expires_at, revoked_at)
                VALUES (?, ?, ?, ?, 'it', ?, ?)
                """)) {
      s.setString(1, device);
      s.setString(2, token.hint());
      s.setBytes(3, token.sha256());
      s.setString(4, hash);
      s.setTimestamp(5, expiresAt == null ? null : Timestamp.from(expiresAt));
      s.setTimestamp(6, revokedAt == null ? null : Timestamp.from(revokedAt));
      s.executeUpdate();
    }
    return hash;
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
