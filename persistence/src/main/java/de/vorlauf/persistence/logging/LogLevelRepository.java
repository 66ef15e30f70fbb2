package de.vorlauf.persistence.logging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * SQL of {@code log_level} (V80): the levels an admin set, per kind of process. A set replaces the
 * logger's row; a reset deletes it. Each returns the level it replaced, for the audit entry.
 */
public class LogLevelRepository {

  private static final String COLUMNS =
      "SELECT target, logger, level, set_by, set_at FROM log_level";

  private static final String ALL = COLUMNS + " ORDER BY target, logger";

  private static final String OF_TARGET = COLUMNS + " WHERE target = ? ORDER BY logger";

  private static final String ONE = COLUMNS + " WHERE target = ? AND logger = ? FOR UPDATE";

  private static final String UPSERT =
      """
      INSERT INTO log_level (target, logger, level, set_by) VALUES (?, ?, ?, ?)
      ON CONFLICT (target, logger)
      DO UPDATE SET level = EXCLUDED.level, set_by = EXCLUDED.set_by, set_at = clock_timestamp()
      """;

  private static final String DELETE_ONE =
      "DELETE FROM log_level WHERE target = ? AND logger = ? RETURNING level";

  private static final String DELETE_TARGET =
      "DELETE FROM log_level WHERE target = ? RETURNING logger";

  private final DataSource dataSource;

  public LogLevelRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public List<LogLevelSetting> all() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(ALL)) {
      return read(select);
    }
  }

  public List<LogLevelSetting> of(LogTarget target) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(OF_TARGET)) {
      select.setString(1, target.code());
      return read(select);
    }
  }

  /**
   * Sets the logger's level for the target.
   *
   * @return the level set before, if any
   */
  public Optional<String> set(LogTarget target, String logger, String level, String actor)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (PreparedStatement lock = connection.prepareStatement(ONE);
          PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
        lock.setString(1, target.code());
        lock.setString(2, logger);
        Optional<String> before = read(lock).stream().findFirst().map(LogLevelSetting::level);
        upsert.setString(1, target.code());
        upsert.setString(2, logger);
        upsert.setString(3, level);
        upsert.setString(4, actor);
        upsert.executeUpdate();
        connection.commit();
        return before;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  /**
   * Resets one logger of the target to its configured level.
   *
   * @return the level it had been set to, empty when none was set
   */
  public Optional<String> reset(LogTarget target, String logger) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(DELETE_ONE)) {
      delete.setString(1, target.code());
      delete.setString(2, logger);
      try (ResultSet rows = delete.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    }
  }

  /**
   * Resets every logger of the target.
   *
   * @return the loggers that had a level set
   */
  public List<String> resetAll(LogTarget target) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(DELETE_TARGET)) {
      delete.setString(1, target.code());
      List<String> loggers = new ArrayList<>();
      try (ResultSet rows = delete.executeQuery()) {
        while (rows.next()) {
          loggers.add(rows.getString(1));
        }
      }
      return loggers;
    }
  }

  private static List<LogLevelSetting> read(PreparedStatement select) throws SQLException {
    List<LogLevelSetting> settings = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        settings.add(
            new LogLevelSetting(
                LogTarget.parse(rows.getString("target")).orElseThrow(),
                rows.getString("logger"),
                rows.getString("level"),
                rows.getString("set_by"),
                rows.getTimestamp("set_at").toInstant()));
      }
    }
    return settings;
  }
}
