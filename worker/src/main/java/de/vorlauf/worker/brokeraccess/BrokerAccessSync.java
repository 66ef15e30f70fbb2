package de.vorlauf.worker.brokeraccess;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.persistence.brokeraccess.BrokerAccessExport;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import de.vorlauf.worker.config.WorkerConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the broker's password and ACL files in sync with the registry: every interval it exports
 * them ({@link BrokerAccessExport}, about 0.1 s for 10,000 devices) and, when a file changed, tells
 * the broker to reload. Comparing the rendered files rather than a change marker also catches what
 * changes with time alone: a rotation's overlap running out. A revoked or issued credential
 * therefore takes effect within one interval.
 *
 * <p>Failures (database down, schema not migrated yet, broker not signalled) leave the files as
 * they are and are retried at the next interval; a failed reload is retried even when nothing
 * changed since. Runs on its own thread ({@code vorlauf-broker-access}) with its own one-connection
 * pool.
 */
public final class BrokerAccessSync implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BrokerAccessSync.class);

  private final BrokerAccessExport export;
  private final BrokerReload reload;
  private final Clock clock;
  private final AutoCloseable ownedPool;
  private final ScheduledExecutorService executor;

  private List<String> lastWarnings = List.of();
  private boolean failing;
  private boolean reloadPending;
  private boolean exportedOnce;

  BrokerAccessSync(
      BrokerAccessConfig config,
      DataSource dataSource,
      BrokerReload reload,
      Clock clock,
      AutoCloseable ownedPool) {
    this.export = new BrokerAccessExport(dataSource, config.dir(), config.serviceAccounts());
    this.reload = reload;
    this.clock = clock;
    this.ownedPool = ownedPool;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "vorlauf-broker-access");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts the loop of the worker's {@code run}: the first export at once, then every interval. */
  public static BrokerAccessSync start(BrokerAccessConfig config, WorkerConfig worker) {
    HikariDataSource pool =
        PooledDataSources.create(
            new DatabaseSettings(
                worker.dbUrl(), worker.dbUser(), worker.dbPassword(), 1, Duration.ofSeconds(10)),
            "vorlauf-broker-access");
    BrokerReload reload =
        config.pidFile() == null ? BrokerReload.NONE : new MosquittoReload(config.pidFile());
    BrokerAccessSync sync = new BrokerAccessSync(config, pool, reload, Clock.systemUTC(), pool);
    sync.schedule(config.interval());
    log.info(
        "broker access: exporting the registry to {} every {}{}",
        config.dir(),
        config.interval(),
        config.pidFile() == null ? " (no pid file: the broker is not signalled)" : "");
    return sync;
  }

  void schedule(Duration interval) {
    executor.scheduleWithFixedDelay(this::syncOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One export and, if needed, one reload; false when it failed (logged, retried later). */
  public synchronized boolean syncOnce() {
    BrokerAccessExport.Result result;
    try {
      result = export.export(clock.instant());
    } catch (Exception e) {
      if (!failing) {
        log.warn(
            "broker access: cannot export the registry, the broker keeps its current files: {}",
            e.toString());
      }
      failing = true;
      return false;
    }
    if (failing) {
      log.info("broker access: exporting again");
      failing = false;
    }
    if (!result.warnings().equals(lastWarnings)) {
      result.warnings().forEach(w -> log.warn("broker access: {}", w));
      lastWarnings = result.warnings();
    }
    if (!result.changed() && !reloadPending) {
      if (!exportedOnce) {
        log.info(
            "broker access: {} devices and {} service accounts, files already up to date",
            result.devices(),
            result.serviceAccounts());
      }
      exportedOnce = true;
      return true;
    }
    exportedOnce = true;
    reloadPending = true;
    try {
      String done = reload.reload();
      reloadPending = false;
      log.info(
          "broker access: {} devices and {} service accounts in {} ({}); {}",
          result.devices(),
          result.serviceAccounts(),
          export.passwordFile().getParent(),
          changes(result),
          done);
      return true;
    } catch (RuntimeException e) {
      log.warn("broker access: files updated but the broker was not reloaded: {}", e.getMessage());
      return false;
    }
  }

  private static String changes(BrokerAccessExport.Result result) {
    if (!result.changed()) {
      return "unchanged, reload retried";
    }
    return (result.passwordFileChanged() ? "passwd changed" : "passwd unchanged")
        + ", "
        + (result.aclFileChanged() ? "acl changed" : "acl unchanged");
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("broker access: the export did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (ownedPool != null) {
      try {
        ownedPool.close();
      } catch (Exception e) {
        log.warn("broker access: closing its connection pool failed: {}", e.toString());
      }
    }
  }
}
