package de.vorlauf.webadmin.it;

import de.vorlauf.devstack.postgres.PostgresOptions;
import de.vorlauf.devstack.postgres.PostgresService;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.devstack.service.Secrets;
import de.vorlauf.devstack.service.StateDir;
import de.vorlauf.devstack.wildfly.AdminCredentials;
import de.vorlauf.persistence.Migrations;
import de.vorlauf.persistence.migration.MigrationReport;
import de.vorlauf.testsupport.TestPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Starts the embedded PostgreSQL (through the devstack service code) and writes the admin login
 * files before Arquillian starts WildFly: register it BEFORE ArquillianExtension. The managed
 * WildFly inherits this JVM's environment, which failsafe fills from the build-reserved ports
 * (web-admin/pom.xml): VORLAUF_DB_URL, VORLAUF_DB_PASSWORD, VORLAUF_ADMIN_*_FILE.
 */
public class ItDatabase implements BeforeAllCallback, ParameterResolver {

  public static final String ADMIN_PASSWORD = "it-admin-" + Long.toHexString(System.nanoTime());
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ItDatabase.class);

  /**
   * The WAR's database as the test JVM reaches it, from the environment failsafe sets for WildFly:
   * for a test that writes what the WAR then reads (runs, readings, features).
   */
  public static PGSimpleDataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(System.getenv("VORLAUF_DB_URL"));
    ds.setUser("vorlauf");
    ds.setPassword(System.getenv("VORLAUF_DB_PASSWORD"));
    return ds;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    started(context);
    ItWar.makeWayFor(context);
  }

  /**
   * Tests may take the {@link MigrationReport} of this run, or the {@link RunningPostgres} itself
   * (to stop and start it: such a test must start it again, whatever happens).
   */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == MigrationReport.class || type == RunningPostgres.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Started started = started(context);
    return parameter.getParameter().getType() == RunningPostgres.class
        ? started.postgres()
        : started.migrations();
  }

  private static Started started(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Started.class, key -> start(), Started.class);
  }

  private static Started start() {
    // this JVM's block of ports (web-admin/pom.xml, it.ports): WildFly gets them unprobed
    TestPorts.requireBuildPortsFree();
    Path root = Path.of(required("it.state.dir"));
    deleteRecursively(root);
    StateDir state = new StateDir(root).create();
    // the same password WildFly gets as VORLAUF_DB_PASSWORD; the service adopts an existing file
    Secrets.writePrivate(state.secret("db-password"), requiredEnv("VORLAUF_DB_PASSWORD") + "\n");
    AdminCredentials.write(state.secrets(), ADMIN_PASSWORD);
    RunningPostgres postgres =
        PostgresService.start(
            PostgresOptions.embedded(state, Integer.parseInt(required("it.db.port"))));
    if (!postgres.jdbcUrl().equals(requiredEnv("VORLAUF_DB_URL"))) {
      postgres.close();
      throw new IllegalStateException(
          "PostgreSQL runs at "
              + postgres.jdbcUrl()
              + " but WildFly gets "
              + requiredEnv("VORLAUF_DB_URL"));
    }
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(postgres.jdbcUrl());
    dataSource.setUser(postgres.user());
    dataSource.setPassword(postgres.password());
    return new Started(postgres, Migrations.migrate(dataSource));
  }

  private record Started(RunningPostgres postgres, MigrationReport migrations)
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      postgres.close();
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + property + " is missing: run through mvn verify");
    }
    return value;
  }

  private static String requiredEnv(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "environment variable " + name + " is missing: run through mvn verify");
    }
    return value;
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + root, e);
    }
  }
}
