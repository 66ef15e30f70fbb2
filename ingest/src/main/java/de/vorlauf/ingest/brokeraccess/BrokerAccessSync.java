package de.vorlauf.ingest.brokeraccess;

import java.nio.file.Path;
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
 * changed since. Runs on its own daemon thread ({@code vorlauf-broker-access}); the data source
 * stays the caller's.
 */
public final class BrokerAccessSync implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BrokerAccessSync.class);

  private final BrokerAccessExport export;
  private final BrokerReload reload;
  private final Clock clock;
  private final ScheduledExecutorService executor;

  private List<String> lastWarnings = List.of();
  private boolean failing;
  private boolean reloadPending;
  private boolean exportedOnce;

  /**
   * @param dir where {@code passwd} and {@code acl} are written
   * @param serviceAccounts the service accounts' password lines; null: {@code dir/service-accounts}
   */
  public BrokerAccessSync(
      DataSource dataSource, Path dir, Path serviceAccounts, BrokerReload reload, Clock clock) {
    this.export = new BrokerAccessExport(dataSource, dir, serviceAccounts);
    this.reload = reload;
    this.clock = clock;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "vorlauf-broker-access");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Runs {@link #syncOnce()} at once and then every {@code interval} until {@link #close()}. */
  public void start(Duration interval) {
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

  /** Stops the loop; an export in progress is interrupted. */
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
  }
}
