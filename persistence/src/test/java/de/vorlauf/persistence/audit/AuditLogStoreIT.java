package de.vorlauf.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.devstack.PostgresOptions;
import de.vorlauf.devstack.PostgresService;
import de.vorlauf.devstack.RunningPostgres;
import de.vorlauf.persistence.Migrations;
import de.vorlauf.persistence.audit.AuditRecord.Outcome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** V50's audit log against a real PostgreSQL: append, filter, page, and nothing else. */
class AuditLogStoreIT {

  @TempDir static Path dbDir;
  private static RunningPostgres postgres;
  private static PGSimpleDataSource dataSource;

  private final AuditLogStore store = new AuditLogStore();

  @BeforeAll
  static void migrate() {
    postgres = PostgresService.start(PostgresOptions.forTest(dbDir));
    dataSource = new PGSimpleDataSource();
    dataSource.setUrl(postgres.jdbcUrl());
    dataSource.setUser(postgres.user());
    dataSource.setPassword(postgres.password());
    Migrations.migrate(dataSource);
  }

  @AfterAll
  static void stop() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void appendedEntriesComeBackNewestFirstAndFiltered() throws SQLException {
    String building = "audit-" + UUID.randomUUID();
    try (Connection c = dataSource.getConnection()) {
      AuditEntry first =
          store.append(c, AuditRecord.of("alice", "building.create", "building", building));
      AuditEntry second =
          store.append(
              c,
              new AuditRecord(
                  "bob",
                  "building.deactivate",
                  "building",
                  building,
                  "Heizung ausgebaut, 50%_sicher",
                  Outcome.SUCCEEDED,
                  200,
                  "devicesDeactivated=3",
                  "ui"));
      store.append(c, AuditRecord.of("alice", "device.create", "device", "other-" + building));

      AuditLogStore.Page page =
          store.page(
              c, new AuditQuery(null, null, "building", building, null, null, null, null), 0, 10);
      assertThat(page.total()).isEqualTo(2);
      assertThat(page.entries())
          .extracting(AuditEntry::id)
          .containsExactly(second.id(), first.id());
      AuditRecord shown = page.entries().get(0).record();
      assertThat(shown.reason()).isEqualTo("Heizung ausgebaut, 50%_sicher");
      assertThat(shown.httpStatus()).isEqualTo(200);
      assertThat(shown.client()).isEqualTo("ui");
      assertThat(page.entries().get(1).record().httpStatus()).isNull();

      // the search text's % and _ are literal characters, not patterns
      assertThat(store.page(c, text("50%_sicher"), 0, 10).total()).isEqualTo(1);
      assertThat(store.page(c, text("5_%"), 0, 10).total()).isZero();
      assertThat(
              store
                  .page(c, new AuditQuery("bob", null, null, null, null, null, null, null), 0, 10)
                  .entries())
          .allMatch(e -> e.record().actor().equals("bob"));
      assertThat(
              store
                  .page(
                      c,
                      new AuditQuery(null, null, null, null, null, null, Instant.now(), null),
                      0,
                      10)
                  .total())
          .isZero();
      assertThat(store.actions(c)).contains("building.create", "building.deactivate");
    }
  }

  @Test
  void theLogRefusesUpdatesDeletesAndTruncation() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      AuditEntry entry = store.append(c, AuditRecord.of("mallory", "device.create", "device", "x"));
      for (String sql :
          new String[] {
            "UPDATE audit_log SET actor = 'someone else' WHERE id = " + entry.id(),
            "DELETE FROM audit_log WHERE id = " + entry.id(),
            "TRUNCATE audit_log"
          }) {
        assertThatThrownBy(() -> execute(c, sql))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("append-only");
      }
      assertThat(
              store
                  .page(
                      c, new AuditQuery("mallory", null, null, null, null, null, null, null), 0, 5)
                  .entries())
          .singleElement()
          .satisfies(e -> assertThat(e.id()).isEqualTo(entry.id()));
    }
  }

  private static AuditQuery text(String text) {
    return new AuditQuery(null, null, null, null, null, text, null, null);
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
