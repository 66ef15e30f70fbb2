package de.vorlauf.webadmin.logging;

import de.vorlauf.persistence.logging.LogLevelRepository;
import de.vorlauf.persistence.logging.LogTarget;
import de.vorlauf.webadmin.audit.AuditDetail;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Stores the levels (workers read them from the table) and applies WildFly's here at once. What
 * changed goes into the request's audit entry: the level before and after.
 */
@RequestScoped
public class LogLevelService {

  static final String CONFIGURED = "configured";

  @Inject LogLevelRepository repository;
  @Inject WildflyLevels wildfly;
  @Inject AuditDetail audit;

  public List<LogLevelDto> list() throws SQLException {
    return repository.all().stream().map(LogLevelDto::of).toList();
  }

  public LogLevelDto set(String targetCode, String logger, String level, String actor)
      throws SQLException {
    LogTarget target = target(targetCode);
    Optional<String> before = repository.set(target, logger, level, actor);
    audit.put("from", before.orElse(CONFIGURED)).put("to", level);
    if (target == LogTarget.WILDFLY) {
      wildfly.set(logger, level);
    }
    return repository.of(target).stream()
        .filter(s -> s.logger().equals(logger))
        .findFirst()
        .map(LogLevelDto::of)
        .orElseThrow();
  }

  public void reset(String targetCode, String logger) throws SQLException {
    LogTarget target = target(targetCode);
    Optional<String> before = repository.reset(target, logger);
    audit.put("from", before.orElse(CONFIGURED)).put("to", CONFIGURED);
    if (target == LogTarget.WILDFLY) {
      wildfly.reset(logger);
    }
  }

  public void resetAll(String targetCode) throws SQLException {
    LogTarget target = target(targetCode);
    List<String> loggers = repository.resetAll(target);
    audit.put("reset", loggers.isEmpty() ? "none" : String.join(" ", loggers));
    if (target == LogTarget.WILDFLY) {
      loggers.forEach(wildfly::reset);
    }
  }

  private static LogTarget target(String code) {
    // the resource's pattern admits only the known codes
    return LogTarget.parse(code).orElseThrow();
  }
}
