package de.vorlauf.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.persistence.RepositoryDatabase;
import de.vorlauf.persistence.audit.AuditRecord.Outcome;
import de.vorlauf.persistence.paging.Page;
import de.vorlauf.persistence.paging.PageRequest;
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

/** V70's audit log against a real PostgreSQL: append, filter, page, and nothing else. */
class AuditLogRepositoryIT {

  private static final PageRequest FIRST_TEN = new PageRequest(0, 10);

  @TempDir static Path dbDir;
  private static RepositoryDatabase db;
  private static AuditLogRepository store;

  @BeforeAll
  static void start() {
    db = RepositoryDatabase.start(dbDir);
    store = new AuditLogRepository(db.dataSource());
  }

  @AfterAll
  static void stop() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void appendedEntriesComeBackNewestFirstAndFiltered() throws SQLException {
    String building = "audit-" + UUID.randomUUID();
    AuditEntry first =
        store.append(AuditRecord.of("alice", "building.create", "building", building));
    try (Connection c = db.dataSource().getConnection()) {
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

      Page<AuditEntry> page =
          store.page(
              new AuditQuery(null, null, "building", building, null, null, null, null), FIRST_TEN);
      assertThat(page.total()).isEqualTo(2);
      assertThat(page.items()).extracting(AuditEntry::id).containsExactly(second.id(), first.id());
      AuditRecord shown = page.items().get(0).record();
      assertThat(shown.reason()).isEqualTo("Heizung ausgebaut, 50%_sicher");
      assertThat(shown.httpStatus()).isEqualTo(200);
      assertThat(shown.client()).isEqualTo("ui");
      assertThat(page.items().get(1).record().httpStatus()).isNull();

      // the search text's % and _ are literal characters, not patterns
      assertThat(store.page(text("50%_sicher"), FIRST_TEN).total()).isEqualTo(1);
      assertThat(store.page(text("5_%"), FIRST_TEN).total()).isZero();
      assertThat(
              store
                  .page(new AuditQuery("bob", null, null, null, null, null, null, null), FIRST_TEN)
                  .items())
          .allMatch(e -> e.record().actor().equals("bob"));
      assertThat(
              store
                  .page(
                      new AuditQuery(null, null, null, null, null, null, Instant.now(), null),
                      FIRST_TEN)
                  .total())
          .isZero();
      assertThat(store.actions()).contains("building.create", "building.deactivate");
    }
  }

  @Test
  void theLogRefusesUpdatesDeletesAndTruncation() throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      AuditEntry entry = store.append(AuditRecord.of("mallory", "device.create", "device", "x"));
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
                      new AuditQuery("mallory", null, null, null, null, null, null, null),
                      new PageRequest(0, 5))
                  .items())
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
