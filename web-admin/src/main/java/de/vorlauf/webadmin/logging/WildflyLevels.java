package de.vorlauf.webadmin.logging;

import de.vorlauf.persistence.logging.LogLevelRepository;
import de.vorlauf.persistence.logging.LogLevelSetting;
import de.vorlauf.persistence.logging.LogTarget;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * WildFly's run-time levels, set through java.util.logging: WildFly's log manager backs it, so a
 * level set here applies to the WAR's SLF4J loggers and the server's own alike. Not written to
 * standalone.xml: the table is the record, applied again when the WAR deploys. The console handler
 * stays at INFO; DEBUG and TRACE lines go to log/server.log.
 */
@ApplicationScoped
public class WildflyLevels {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(WildflyLevels.class);

  @Inject LogLevelRepository repository;

  // the configured level of each logger changed here; empty: inherited
  private final Map<String, Optional<Level>> configured = new HashMap<>();

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    // an observer on application start makes CDI create the bean at deployment
  }

  @PostConstruct
  void applyStored() {
    try {
      for (LogLevelSetting setting : repository.of(LogTarget.WILDFLY)) {
        set(setting.logger(), setting.level());
      }
    } catch (SQLException | RuntimeException e) {
      // the database may be down at deployment; the next change applies again
      LOG.warn("stored WildFly log levels not applied: {}", e.getMessage());
    }
  }

  synchronized void set(String name, String level) {
    Logger logger = logger(name);
    configured.computeIfAbsent(name, n -> Optional.ofNullable(logger.getLevel()));
    logger.setLevel(julLevel(level));
    LOG.info("log level of {} set to {} by an admin", name, level);
  }

  synchronized void reset(String name) {
    Optional<Level> level = configured.remove(name);
    if (level != null) {
      logger(name).setLevel(level.orElse(null));
      LOG.info("log level of {} reset to its configured one", name);
    }
  }

  private static Logger logger(String name) {
    // JUL's root logger is named ""
    return Logger.getLogger("ROOT".equals(name) ? "" : name);
  }

  /** SLF4J's names onto JUL's levels, as WildFly's log manager maps them. */
  static Level julLevel(String level) {
    return switch (level) {
      case "TRACE" -> Level.FINER;
      case "DEBUG" -> Level.FINE;
      case "INFO" -> Level.INFO;
      case "WARN" -> Level.WARNING;
      case "ERROR" -> Level.SEVERE;
      case "OFF" -> Level.OFF;
      default -> throw new IllegalArgumentException("unknown level " + level);
    };
  }
}
