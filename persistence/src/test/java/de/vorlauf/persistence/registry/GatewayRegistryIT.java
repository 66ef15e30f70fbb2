package de.vorlauf.persistence.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.persistence.MigratedSchema;
import de.vorlauf.testsupport.DatabaseFrom;
import de.vorlauf.testsupport.TestServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * V30 against a real PostgreSQL: gateways, their assignment to devices, and the one namespace of
 * MQTT user names that devices and gateways share (enforced by the database, also when two
 * transactions race for one name).
 */
@ExtendWith(TestServices.class)
@DatabaseFrom(MigratedSchema.class)
class GatewayRegistryIT {

  private static PGSimpleDataSource dataSource;

  /** A migrated database of this class's own on the test JVM's shared PostgreSQL. */
  @BeforeAll
  static void migrate(RunningPostgres postgres) throws SQLException {
    dataSource = new PGSimpleDataSource();
    dataSource.setUrl(postgres.jdbcUrl());
    dataSource.setUser(postgres.user());
    dataSource.setPassword(postgres.password());
    execute(
        "INSERT INTO buildings (id, name, time_zone, heating_type)"
            + " VALUES ('gr-b', 'B', 'Europe/Berlin', 'gas')");
  }

  @Test
  void aGatewayCannotTakeADevicesNameNorADeviceAGatewaysName() throws SQLException {
    execute("INSERT INTO devices (id, building_id) VALUES ('ns-device', 'gr-b')");
    execute("INSERT INTO gateways (id) VALUES ('ns-gateway')");

    assertThatThrownBy(() -> execute("INSERT INTO gateways (id) VALUES ('ns-device')"))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"))
        .hasMessageContaining("\"ns-device\" is taken by a device")
        .hasMessageContaining("share one namespace");
    assertThatThrownBy(
            () -> execute("INSERT INTO devices (id, building_id) VALUES ('ns-gateway', 'gr-b')"))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"))
        .hasMessageContaining("\"ns-gateway\" is taken by a gateway");
    // the same kind twice is still the table's own duplicate key
    assertThatThrownBy(() -> execute("INSERT INTO gateways (id) VALUES ('ns-gateway')"))
        .hasMessageContaining("gateways_pkey");
  }

  @Test
  void aDeletedDeviceFreesItsName() throws SQLException {
    execute("INSERT INTO devices (id, building_id) VALUES ('ns-freed', 'gr-b')");
    execute("DELETE FROM devices WHERE id = 'ns-freed'");

    execute("INSERT INTO gateways (id) VALUES ('ns-freed')");

    assertThat(count("SELECT count(*) FROM mqtt_user_names WHERE name = 'ns-freed'")).isOne();
  }

  /** In a transaction that is rolled back: TRUNCATE is transactional in PostgreSQL. */
  @Test
  void truncatingGatewaysReleasesTheirNames() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      try {
        s.execute("INSERT INTO gateways (id) VALUES ('ns-truncated')");
        s.execute("TRUNCATE gateways CASCADE");
        try (ResultSet rows =
            s.executeQuery("SELECT count(*) FROM mqtt_user_names WHERE kind = 'gateway'")) {
          rows.next();
          assertThat(rows.getLong(1)).isZero();
        }
        s.execute("INSERT INTO devices (id, building_id) VALUES ('ns-truncated', 'gr-b')");
      } finally {
        c.rollback();
      }
    }
  }

  @Test
  void twoTransactionsRacingForOneNameCannotBothWin() throws Exception {
    try (Connection first = dataSource.getConnection();
        Connection second = dataSource.getConnection()) {
      first.setAutoCommit(false);
      try (Statement s = first.createStatement()) {
        s.execute("INSERT INTO devices (id, building_id) VALUES ('ns-race', 'gr-b')");
      }
      CompletableFuture<Void> gateway =
          CompletableFuture.runAsync(
              () -> {
                try (Statement s = second.createStatement()) {
                  s.execute("INSERT INTO gateways (id) VALUES ('ns-race')");
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      // the positive signal first: the second transaction is blocked on the first one's lock
      Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  count(
                          "SELECT count(*) FROM pg_stat_activity"
                              + " WHERE datname = current_database() AND wait_event_type = 'Lock'")
                      == 1);
      assertThat(gateway).as("waits for the first claim to commit or roll back").isNotDone();
      first.commit();

      assertThatThrownBy(() -> gateway.get(20, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(SQLException.class)
          .rootCause()
          .hasMessageContaining("is taken by a device");
    }
    assertThat(count("SELECT count(*) FROM gateways WHERE id = 'ns-race'")).isZero();
  }

  @Test
  void gatewayIdsHaveTheRegistryFormatAndDevicesOnlyNameExistingGateways() throws SQLException {
    for (String bad : new String[] {"a/b", "+", "#", "-a", "a b", "a:b"}) {
      assertThatThrownBy(() -> insertGateway(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23514"));
    }
    assertThatThrownBy(
            () ->
                execute(
                    "INSERT INTO devices (id, building_id, gateway_id)"
                        + " VALUES ('fk-1', 'gr-b', 'no-such-gateway')"))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));

    insertGateway("fk-gw");
    execute(
        "INSERT INTO devices (id, building_id, gateway_id) VALUES ('fk-2', 'gr-b', 'fk-gw'),"
            + " ('fk-3', 'gr-b', NULL)");
    assertThat(count("SELECT count(*) FROM devices WHERE gateway_id = 'fk-gw'")).isOne();
  }

  private static void insertGateway(String id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("INSERT INTO gateways (id) VALUES (?)")) {
      s.setString(1, id);
      s.executeUpdate();
    }
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
