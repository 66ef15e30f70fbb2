package de.vorlauf.worker.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Applies the levels an admin set to this process's logback loggers, and puts a logger back to its
 * configured level (from logback.xml, possibly none: inherited) when its setting is gone. Only the
 * poller's thread calls it.
 */
final class LogbackLevels {

  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(LogbackLevels.class);

  private final LoggerContext context;
  // the configured level of each logger this class changed; empty: it inherited its level
  private final Map<String, Optional<Level>> configured = new HashMap<>();

  LogbackLevels(LoggerContext context) {
    this.context = context;
  }

  /**
   * @param wanted logger name → level name (TRACE … OFF); loggers not named return to their
   *     configured level
   */
  void apply(Map<String, String> wanted) {
    wanted.forEach(this::set);
    for (String logger : Map.copyOf(configured).keySet()) {
      if (!wanted.containsKey(logger)) {
        Level level = configured.remove(logger).orElse(null);
        context.getLogger(logger).setLevel(level);
        LOG.info(
            "log level of {} reset to its configured {}",
            logger,
            level == null ? "(inherited)" : level);
      }
    }
  }

  private void set(String name, String levelName) {
    Logger logger = context.getLogger(name);
    Level level = Level.toLevel(levelName, null);
    if (level == null || level.equals(logger.getLevel())) {
      return;
    }
    configured.computeIfAbsent(name, n -> Optional.ofNullable(logger.getLevel()));
    logger.setLevel(level);
    LOG.info("log level of {} set to {} by an admin", name, level);
  }
}
