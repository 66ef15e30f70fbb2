package de.vorlauf.worker.logging;

import ch.qos.logback.classic.LoggerContext;
import de.vorlauf.persistence.logging.LogLevelRepository;
import de.vorlauf.persistence.logging.LogLevelSetting;
import de.vorlauf.persistence.logging.LogTarget;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the worker log levels an admin set ({@code log_level}, V80) every interval and applies
 * them. Polling a table keeps several workers right without any of them being reachable: each
 * converges within one interval, also after a restart.
 */
public final class LogLevelPoller implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LogLevelPoller.class);

  private final LogLevelRepository repository;
  private final LogbackLevels levels;
  private final ScheduledExecutorService timer;
  private boolean failing;

  LogLevelPoller(LogLevelRepository repository, LoggerContext context) {
    this.repository = repository;
    this.levels = new LogbackLevels(context);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "vorlauf-log-levels");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Polls now and then every {@code interval} until closed. */
  public static LogLevelPoller start(LogLevelRepository repository, Duration interval) {
    LogLevelPoller poller =
        new LogLevelPoller(repository, (LoggerContext) LoggerFactory.getILoggerFactory());
    poller.timer.scheduleWithFixedDelay(
        poller::pollOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return poller;
  }

  /** One round: read the rows, apply them; a database that fails keeps the levels as they are. */
  void pollOnce() {
    try {
      Map<String, String> wanted = new LinkedHashMap<>();
      for (LogLevelSetting setting : repository.of(LogTarget.WORKER)) {
        wanted.put(setting.logger(), setting.level());
      }
      levels.apply(wanted);
      if (failing) {
        LOG.info("log levels are read again");
        failing = false;
      }
    } catch (SQLException | RuntimeException e) {
      // the table is missing before the migration, or the database is down: say so once
      if (!failing) {
        LOG.warn("log levels not read, keeping the current ones: {}", e.getMessage());
        failing = true;
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
