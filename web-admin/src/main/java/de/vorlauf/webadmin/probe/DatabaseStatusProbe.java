package de.vorlauf.webadmin.probe;

import de.vorlauf.persistence.DatabaseStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Connects through the server's datasource and asks PostgreSQL what it runs and is migrated to. */
@ApplicationScoped
public class DatabaseStatusProbe implements Probe {

  public static final String NAME = "database";

  @Resource(lookup = "java:jboss/datasources/VorlaufDS")
  DataSource dataSource;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ServiceCheck check() {
    long begin = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseStatus status = de.vorlauf.persistence.DatabaseProbe.probe(connection);
      long millis = (System.nanoTime() - begin) / 1_000_000;
      Map<String, String> facts = new LinkedHashMap<>();
      facts.put("server", status.serverVersion());
      facts.put(
          "timescaledb",
          status.timescaleActive() ? "active (" + status.timescaleVersion() + ")" : "not active");
      facts.put("schema", status.schemaVersion() == null ? "not migrated" : status.schemaVersion());
      String detail =
          status.schemaVersion() == null
              ? "reachable, but no migration has run: start the worker with `migrate`"
              : "reachable, schema version " + status.schemaVersion();
      return ServiceCheck.up(NAME, detail, millis, facts);
    } catch (SQLException | RuntimeException e) {
      return ServiceCheck.down(
          NAME,
          "cannot reach the database (VORLAUF_DB_URL / datasource VorlaufDS): "
              + Failures.describe(e));
    }
  }
}
