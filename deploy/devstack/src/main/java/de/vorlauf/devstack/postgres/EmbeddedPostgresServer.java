package de.vorlauf.devstack.postgres;

import de.vorlauf.devstack.process.LogTail;
import de.vorlauf.devstack.process.Supervised;
import de.vorlauf.devstack.service.Origin;
import de.vorlauf.devstack.service.Secrets;
import de.vorlauf.devstack.service.ShutdownRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL from Maven jars (zonky), with persistent data, durable commits, loopback only and
 * password (SCRAM) authentication once bootstrapped. Works as root: zonky runs the server in a user
 * namespace.
 */
final class EmbeddedPostgresServer implements RunningPostgres, Supervised {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  private final PostgresOptions options;
  private EmbeddedPostgres postgres;
  // the server process: zonky starts it through pg_ctl, so it is no child of ours
  private ProcessHandle postmaster;
  private String version = "";

  EmbeddedPostgresServer(PostgresOptions options) {
    this.options = options;
  }

  @Override
  public synchronized void start() {
    if (postgres != null) {
      return;
    }
    Path dataDir = options.dataDir();
    StalePostmaster.stopIfRunning(dataDir);
    boolean bootstrapped = PostgresBootstrap.isDone(dataDir);
    if (Files.exists(dataDir.resolve("PG_VERSION")) && !Files.exists(options.appPasswordFile())) {
      throw new IllegalStateException(
          "PostgreSQL data in "
              + dataDir
              + " exists but its password file "
              + options.appPasswordFile()
              + " is missing; restore it or delete "
              + dataDir);
    }
    String superuserPassword = Secrets.readOrCreate(options.superuserPasswordFile());
    String appPassword = Secrets.readOrCreate(options.appPasswordFile());
    long begin = System.nanoTime();
    try {
      Files.createDirectories(options.logFile().getParent());
      ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(options.logFile().toFile());
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false)
              .setPort(options.port())
              .setServerConfig("synchronous_commit", "on")
              // when a row was committed (pg_xact_commit_timestamp): ingest latency, measured
              .setServerConfig("track_commit_timestamp", "on")
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("unix_socket_directories", "''")
              .setConnectConfig("password", superuserPassword)
              .setOutputRedirector(log)
              .setErrorRedirector(log)
              .setPGStartupWait(Duration.ofSeconds(60))
              .start();
    } catch (IOException e) {
      postgres = null;
      throw new IllegalStateException(
          "embedded PostgreSQL did not start on port "
              + options.port()
              + "; see "
              + options.logFile()
              + ":\n"
              + LogTail.of(options.logFile(), 20),
          e);
    }
    ShutdownRegistry.register(this);
    if (!bootstrapped) {
      PostgresBootstrap.run(postgres, dataDir, superuserPassword, appPassword);
    }
    version = serverVersion();
    postmaster = StalePostmaster.findPostmaster(dataDir).orElse(null);
    LOG.info(
        "Embedded PostgreSQL {} ready on 127.0.0.1:{} in {} ms, data in {}",
        version,
        options.port(),
        (System.nanoTime() - begin) / 1_000_000,
        dataDir);
  }

  @Override
  public synchronized void stop() {
    if (postgres == null) {
      return;
    }
    ShutdownRegistry.unregister(this);
    boolean died = postmaster != null && !postmaster.isAlive();
    try {
      postgres.close();
    } catch (IOException e) {
      // pg_ctl stop fails on a server that is gone already: nothing left to stop
      if (!died) {
        throw new UncheckedIOException("could not stop embedded PostgreSQL", e);
      }
    } finally {
      postgres = null;
      postmaster = null;
    }
    LOG.info("Embedded PostgreSQL on port {} stopped", options.port());
  }

  @Override
  public synchronized String unexpectedExit() {
    String summary = exitSummary();
    return summary == null
        ? null
        : "PostgreSQL "
            + summary
            + "; last lines of "
            + options.logFile()
            + ":\n"
            + LogTail.of(options.logFile(), 30);
  }

  @Override
  public synchronized String exitSummary() {
    if (postgres == null || postmaster == null || postmaster.isAlive()) {
      return null;
    }
    return "postmaster (pid " + postmaster.pid() + ") ended, exit code unknown (not our child)";
  }

  @Override
  public synchronized OptionalLong pid() {
    return postmaster != null && postmaster.isAlive()
        ? OptionalLong.of(postmaster.pid())
        : OptionalLong.empty();
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + options.port() + "/" + PostgresOptions.DATABASE;
  }

  @Override
  public String user() {
    return PostgresOptions.APP_USER;
  }

  @Override
  public String password() {
    return Secrets.read(options.appPasswordFile());
  }

  @Override
  public Origin origin() {
    return Origin.EMBEDDED;
  }

  @Override
  public String label() {
    return ("embedded PostgreSQL " + version).strip() + " (zonky)";
  }

  @Override
  public String toString() {
    return label() + " on port " + options.port();
  }

  private String serverVersion() {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SHOW server_version")) {
      result.next();
      return result.getString(1).split(" ")[0];
    } catch (SQLException e) {
      LOG.warn("Could not read the PostgreSQL version: {}", e.getMessage());
      return "";
    }
  }
}
