package de.vorlauf.worker.brokeraccess;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.ingest.brokeraccess.BrokerAccessSync;
import de.vorlauf.ingest.brokeraccess.BrokerReload;
import de.vorlauf.ingest.brokeraccess.MosquittoReload;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import de.vorlauf.worker.config.WorkerConfig;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker access sync of the worker's {@code run} ({@link BrokerAccessSync}) on a one-connection
 * pool of its own, so a slow export never waits for the activities' connections.
 */
public final class BrokerAccessLoop implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BrokerAccessLoop.class);

  private final HikariDataSource pool;
  private final BrokerAccessSync sync;

  private BrokerAccessLoop(HikariDataSource pool, BrokerAccessSync sync) {
    this.pool = pool;
    this.sync = sync;
  }

  /** Starts the loop: the first export at once, then every interval. */
  public static BrokerAccessLoop start(BrokerAccessConfig config, WorkerConfig worker) {
    HikariDataSource pool =
        PooledDataSources.create(
            new DatabaseSettings(
                worker.dbUrl(), worker.dbUser(), worker.dbPassword(), 1, Duration.ofSeconds(10)),
            "vorlauf-broker-access");
    BrokerReload reload =
        config.pidFile() == null ? BrokerReload.NONE : new MosquittoReload(config.pidFile());
    BrokerAccessSync sync =
        new BrokerAccessSync(
            pool, config.dir(), config.serviceAccounts(), reload, Clock.systemUTC());
    sync.start(config.interval());
    log.info(
        "broker access: exporting the registry to {} every {}{}",
        config.dir(),
        config.interval(),
        config.pidFile() == null ? " (no pid file: the broker is not signalled)" : "");
    return new BrokerAccessLoop(pool, sync);
  }

  /** One export and, if needed, one reload now; false when it failed (logged, retried later). */
  public boolean syncOnce() {
    return sync.syncOnce();
  }

  @Override
  public void close() {
    sync.close();
    pool.close();
  }
}
