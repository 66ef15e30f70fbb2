package de.vorlauf.testsupport;

import de.vorlauf.devstack.broker.BrokerKind;
import de.vorlauf.devstack.broker.BrokerOptions;
import de.vorlauf.devstack.broker.MqttBrokerService;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.postgres.PostgresOptions;
import de.vorlauf.devstack.postgres.PostgresService;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.devstack.service.StateDir;
import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.devstack.temporal.TemporalKind;
import de.vorlauf.devstack.temporal.TemporalOptions;
import de.vorlauf.devstack.temporal.TemporalService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One PostgreSQL, one Mosquitto and one Temporal server per test JVM, each started on first use and
 * stopped when the JVM exits. Starting them costs seconds each; a module's failsafe run used to
 * start one set per test class. Test classes do not share data: each gets a database of its own
 * ({@link #database}), and uses its own MQTT client ids and Temporal task queues ({@link
 * TestNames}). What they get cannot be stopped (closing it does nothing); tests that stop or break
 * a service start a dedicated one ({@link Dedicated}).
 *
 * <p>Files live under {@code target/test-services/<pid>} of the module under test.
 */
public final class SharedServices {

  private static final String SUPERUSER = "postgres";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final Deque<AutoCloseable> STARTED = new ArrayDeque<>();
  private static final Map<Class<? extends DatabaseTemplate>, String> TEMPLATES = new HashMap<>();

  private static Path root;
  private static RunningPostgres postgres;
  private static String superuserPassword;
  private static RunningBroker broker;
  private static RunningTemporal temporal;
  private static RunningBroker sharedBroker;
  private static RunningTemporal sharedTemporal;

  static {
    TestPorts.reserveBuildPorts();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(SharedServices::closeAll, "test-services-stop"));
  }

  private SharedServices() {}

  /** The JVM's PostgreSQL server; tests use {@link #database} rather than its own database. */
  public static synchronized RunningPostgres postgres() {
    if (postgres == null) {
      Path dir = dir("postgres");
      postgres = started(PostgresService.start(PostgresOptions.forTest(dir)));
      superuserPassword = read(new StateDir(dir).secret("db-superuser-password"));
    }
    return postgres;
  }

  /** A new empty database for {@code owner} (a test class, for its name in logs). */
  public static TestDatabase database(Class<?> owner) {
    return createDatabase(owner, null);
  }

  /**
   * A new database for {@code owner}, a copy of the template {@code template} fills once per JVM
   * (e.g. migrated to the current schema).
   */
  public static TestDatabase database(Class<?> owner, Class<? extends DatabaseTemplate> template) {
    return createDatabase(owner, templateDatabase(template));
  }

  /** The JVM's Mosquitto, anonymous access. Use {@link TestNames#clientId} for client ids. */
  public static synchronized RunningBroker broker() {
    if (broker == null) {
      broker =
          started(
              MqttBrokerService.start(BrokerOptions.forTest(dir("mqtt"), BrokerKind.MOSQUITTO)));
      sharedBroker = Shared.broker(broker);
    }
    return sharedBroker;
  }

  /**
   * The JVM's Temporal server, the in-JVM one (starts in a second, no binary needed). Test classes
   * share its default namespace and keep apart by task queue and workflow-id prefix ({@link
   * TestNames#taskQueue}).
   */
  public static synchronized RunningTemporal temporal() {
    if (temporal == null) {
      temporal =
          started(
              TemporalService.start(TemporalOptions.forTest(dir("temporal"), TemporalKind.IN_JVM)));
      sharedTemporal = Shared.temporal(temporal);
    }
    return sharedTemporal;
  }

  private static TestDatabase createDatabase(Class<?> owner, String template) {
    RunningPostgres server = postgres();
    String name =
        "t"
            + DATABASES.incrementAndGet()
            + "_"
            + owner.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    name = name.length() > 60 ? name.substring(0, 60) : name;
    superuser(
        server,
        "CREATE DATABASE "
            + name
            + (template == null ? "" : " TEMPLATE " + template)
            + " OWNER "
            + PostgresOptions.APP_USER);
    return new TestDatabase(name, urlOf(server, name), server.user(), server.password());
  }

  private static synchronized String templateDatabase(Class<? extends DatabaseTemplate> template) {
    String existing = TEMPLATES.get(template);
    if (existing != null) {
      return existing;
    }
    RunningPostgres server = postgres();
    String name = "template_" + TEMPLATES.size();
    superuser(server, "CREATE DATABASE " + name + " OWNER " + PostgresOptions.APP_USER);
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(urlOf(server, name));
    dataSource.setUser(server.user());
    dataSource.setPassword(server.password());
    try {
      template.getConstructor().newInstance().fill(dataSource);
    } catch (Exception e) {
      throw new IllegalStateException("template " + template.getName() + " failed", e);
    }
    // a template must have no open connections when it is copied: the simple data source keeps none
    TEMPLATES.put(template, name);
    return name;
  }

  private static String urlOf(RunningPostgres server, String database) {
    String url = server.jdbcUrl();
    return url.substring(0, url.lastIndexOf('/') + 1) + database;
  }

  private static void superuser(RunningPostgres server, String sql) {
    try (Connection c =
            DriverManager.getConnection(urlOf(server, "postgres"), SUPERUSER, superuserPassword);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed on the test PostgreSQL", e);
    }
  }

  private static <T extends AutoCloseable> T started(T service) {
    STARTED.push(service);
    return service;
  }

  private static synchronized void closeAll() {
    while (!STARTED.isEmpty()) {
      try {
        STARTED.pop().close();
      } catch (Exception e) {
        // the JVM is exiting; the next service still has to stop
      }
    }
    if (root != null) {
      // tens of MB of database files per run: gone with the JVM, as the services are
      try (Stream<Path> files = Files.walk(root)) {
        files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      } catch (IOException | UncheckedIOException e) {
        // left for mvn clean
      }
    }
  }

  /** {@code target/test-services/<pid>/<name>} of the module under test. */
  static synchronized Path dir(String name) {
    try {
      if (root == null) {
        root =
            Files.createDirectories(
                Path.of("target", "test-services", Long.toString(ProcessHandle.current().pid()))
                    .toAbsolutePath());
      }
      return Files.createDirectories(root.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
