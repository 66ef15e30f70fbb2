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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gateways in the exported broker files against a migrated PostgreSQL: which gateways get a login,
 * and for exactly which devices their ACL section names topics.
 */
class GatewayAccessExportIT {

  private static final Logger log = LoggerFactory.getLogger(GatewayAccessExportIT.class);
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir static Path dbDir;
  private static RunningPostgres postgres;
  private static HikariDataSource dataSource;

  @TempDir Path out;

  @BeforeAll
  static void migrate() {
    postgres = SharedServices.database(GatewayAccessExportIT.class, MigratedSchema.class);
    dataSource =
        PooledDataSources.create(
            new DatabaseSettings(
                postgres.jdbcUrl(),
                postgres.user(),
                postgres.password(),
                2,
                Duration.ofSeconds(10)),
            "gateway-access-it");
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
  void anActiveGatewayWithACredentialGetsTheTopicsOfItsActiveDevicesOnly() throws Exception {
    String b = building("gw-export-1");
    String hashA = credential(gateway("gwx-a", true), null, null);
    credential(gateway("gwx-inactive", true), null, null);
    credential(gateway("gwx-revoked", true), null, NOW.minusSeconds(1));
    gateway("gwx-none", true);
    device("gwx-d1", b, "gwx-a", true);
    device("gwx-d2", b, "gwx-a", true);
    device("gwx-d3", b, "gwx-a", false);
    device("gwx-d4", b, "gwx-inactive", true);
    device("gwx-d5", b, "gwx-revoked", true);
    device("gwx-d6", b, null, true);
    execute("UPDATE gateways SET active = false WHERE id = 'gwx-inactive'");
    BrokerAccessExport export = new BrokerAccessExport(dataSource, out, null);

    BrokerAccessExport.Result result = export.export(NOW);

    assertThat(result.gateways()).isEqualTo(1);
    assertThat(Files.readAllLines(export.passwordFile()))
        .contains("gwx-a:" + hashA)
        .noneMatch(l -> l.startsWith("gwx-inactive:") || l.startsWith("gwx-revoked:"))
        .noneMatch(l -> l.startsWith("gwx-none:"));
    assertThat(section(export, "gwx-a"))
        .containsExactly(
            "topic write greenbox/gwx-d1/sensors",
            "topic write greenbox/gwx-d1/sensors/#",
            "topic read greenbox/gwx-d1/commands/#",
            "topic write greenbox/gwx-d1/commands/ack",
            "topic write greenbox/gwx-d1/backlog",
            "topic read greenbox/gwx-d1/backlog/ack",
            "topic write greenbox/gwx-d2/sensors",
            "topic write greenbox/gwx-d2/sensors/#",
            "topic read greenbox/gwx-d2/commands/#",
            "topic write greenbox/gwx-d2/commands/ack",
            "topic write greenbox/gwx-d2/backlog",
            "topic read greenbox/gwx-d2/backlog/ack");
    assertThat(Files.readString(export.aclFile()))
        .doesNotContain("user gwx-inactive", "user gwx-revoked", "user gwx-none")
        .doesNotContain("gwx-d3", "gwx-d4", "gwx-d5", "gwx-d6");

    execute("UPDATE devices SET active = false WHERE id = 'gwx-d2'");
    BrokerAccessExport.Result deviceGone = export.export(NOW);
    assertThat(deviceGone.aclFileChanged()).isTrue();
    assertThat(deviceGone.passwordFileChanged()).isFalse();
    assertThat(section(export, "gwx-a")).hasSize(6).allMatch(l -> l.contains("/gwx-d1/"));

    execute("UPDATE gateways SET active = false WHERE id = 'gwx-a'");
    BrokerAccessExport.Result gatewayGone = export.export(NOW);
    assertThat(gatewayGone.changed()).isTrue();
    assertThat(gatewayGone.gateways()).isZero();
    assertThat(Files.readString(export.passwordFile())).doesNotContain("gwx-a:");
    assertThat(Files.readString(export.aclFile())).doesNotContain("gwx-");
  }

  @Test
  void aGatewayNamedLikeAServiceAccountGetsNoLogin() throws Exception {
    credential(gateway("vorlauf-simulator", true), null, null);
    BrokerAccessExport export = new BrokerAccessExport(dataSource, out, null);

    BrokerAccessExport.Result result = export.export(NOW);

    assertThat(result.warnings())
        .contains("gateway 'vorlauf-simulator' left out: the name belongs to a service account");
    assertThat(Files.readString(export.passwordFile())).doesNotContain("vorlauf-simulator:");
    assertThat(Files.readString(export.aclFile())).doesNotContain("user vorlauf-simulator");
  }

  /** The fleet shape of issue 4: 10,000 buildings behind 10 gateways. */
  @Test
  void tenThousandDevicesBehindTenGatewaysExportQuickly() throws Exception {
    String b = building("gw-export-scale");
    String hash = MosquittoPasswordHash.hash(DeviceToken.generate().value());
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO gateways (id) SELECT 'scale-gw-' || g FROM generate_series(0, 9) g");
      s.execute(
          ("INSERT INTO gateway_credentials (gateway_id, token_hint, token_sha256, mosquitto_hash,"
                  + " created_by) SELECT 'scale-gw-' || g, 'vlf_x…',"
                  + " sha256(('scale-gw-' || g)::bytea), '%s', 'it'"
                  + " FROM generate_series(0, 9) g")
              .formatted(hash));
      s.execute(
          ("INSERT INTO devices (id, building_id, gateway_id) SELECT 'scale-d-' || i, '%s',"
                  + " 'scale-gw-' || (i %% 10) FROM generate_series(1, 10000) i")
              .formatted(b));
    }
    BrokerAccessExport export = new BrokerAccessExport(dataSource, out, null);

    long begin = System.nanoTime();
    BrokerAccessExport.Result first = export.export(NOW);
    long firstMillis = (System.nanoTime() - begin) / 1_000_000;
    long unchangedMillis = Long.MAX_VALUE;
    for (int run = 0; run < 5; run++) {
      begin = System.nanoTime();
      assertThat(export.export(NOW).changed()).isFalse();
      unchangedMillis = Math.min(unchangedMillis, (System.nanoTime() - begin) / 1_000_000);
    }

    log.info(
        "export of 10,000 devices behind {} gateways: first (files written) {} ms,"
            + " unchanged best of 5 {} ms, acl {} bytes",
        first.gateways(),
        firstMillis,
        unchangedMillis,
        Files.size(export.aclFile()));
    assertThat(first.gateways()).isGreaterThanOrEqualTo(10);
    for (int g = 0; g < 10; g++) {
      assertThat(section(export, "scale-gw-" + g)).hasSize(6_000);
    }
    assertThat(unchangedMillis).as("an unchanged export of 10,000 devices").isLessThan(2_000);
  }

  /** The lines of a gateway's {@code user} section. */
  private static List<String> section(BrokerAccessExport export, String gateway) throws Exception {
    List<String> lines = Files.readAllLines(export.aclFile());
    int start = lines.indexOf("user " + gateway);
    assertThat(start).as("section of %s", gateway).isNotNegative();
    return lines.subList(start + 1, lines.size()).stream()
        .takeWhile(l -> !l.isBlank() && !l.startsWith("user "))
        .toList();
  }

  private static String building(String id) throws SQLException {
    execute(
        "INSERT INTO buildings (id, name, time_zone, heating_type) VALUES ('%s', '%s',"
                .formatted(id, id)
            + " 'Europe/Berlin', 'gas')");
    return id;
  }

  private static String gateway(String id, boolean active) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("INSERT INTO gateways (id, active) VALUES (?, ?)")) {
      s.setString(1, id);
      s.setBoolean(2, active);
      s.executeUpdate();
    }
    return id;
  }

  private static void device(String id, String building, String gateway, boolean active)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO devices (id, building_id, gateway_id, active) VALUES (?, ?, ?, ?)")) {
      s.setString(1, id);
      s.setString(2, building);
      s.setString(3, gateway);
      s.setBoolean(4, active);
      s.executeUpdate();
    }
  }

  /** A new gateway credential; returns its Mosquitto hash. */
  private static String credential(String gateway, Instant expiresAt, Instant revokedAt)
      throws SQLException {
    DeviceToken token = DeviceToken.generate();
    String hash = MosquittoPasswordHash.hash(token.value());
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                """
                INSERT INTO gateway_credentials (gateway_id, token_hint, token_sha256,
                    mosquitto_hash, created_by, expires_at, revoked_at)
                VALUES (?, ?, ?, ?, 'it', ?, ?)
                """)) {
      s.setString(1, gateway);
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
