package de.vorlauf.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.Migrations;
import de.vorlauf.persistence.RepositoryDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database migrated by a build that had V60-V63 but not yet V50 (the audit log was merged later)
 * takes V50 on its next run instead of refusing to start.
 */
class OutOfOrderMigrationIT {

  @TempDir Path dbDir;

  @Test
  void aLaterMergedLowerVersionIsAppliedToADatabasePastIt() throws SQLException {
    try (RepositoryDatabase db = RepositoryDatabase.start(dbDir)) {
      db.execute(
          "DROP TABLE audit_log",
          "DROP FUNCTION vorlauf_audit_log_append_only()",
          "DELETE FROM flyway_schema_history WHERE version = '50'");

      Migrations.migrate(db.dataSource());

      try (Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT to_regclass('audit_log') IS NOT NULL, (SELECT count(*) FROM"
                      + " flyway_schema_history WHERE version = '50' AND success)")) {
        rs.next();
        assertThat(rs.getBoolean(1)).isTrue();
        assertThat(rs.getInt(2)).isEqualTo(1);
      }
    }
  }
}
