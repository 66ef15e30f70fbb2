package de.vorlauf.persistence.audit;

import de.vorlauf.persistence.jdbc.LikePatterns;
import de.vorlauf.persistence.paging.Page;
import de.vorlauf.persistence.paging.PageRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * SQL of the append-only {@code audit_log} (V70): append, a filtered page (newest first) and the
 * actions that occur, for a filter's choices. The table refuses updates and deletes itself.
 */
public class AuditLogRepository {

  private static final String INSERT =
      """
      INSERT INTO audit_log (actor, action, object_type, object_id, reason, outcome, http_status,
                             detail, client)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      RETURNING id, at
      """;

  // every filter is optional: "? IS NULL OR ..." keeps one statement with bind parameters
  private static final String WHERE =
      """
      WHERE (?::text IS NULL OR actor = ?)
        AND (?::text IS NULL OR action = ?)
        AND (?::text IS NULL OR object_type = ?)
        AND (?::text IS NULL OR object_id = ?)
        AND (?::text IS NULL OR outcome = ?)
        AND (?::text IS NULL OR lower(coalesce(object_id, '') || ' ' || action || ' '
             || coalesce(reason, '') || ' ' || coalesce(detail, '')) LIKE ?)
        AND (?::timestamptz IS NULL OR at >= ?)
        AND (?::timestamptz IS NULL OR at < ?)
      """;

  private static final String PAGE =
      """
      SELECT id, at, actor, action, object_type, object_id, reason, outcome, http_status, detail,
             client
      FROM audit_log
      """
          + WHERE
          + " ORDER BY id DESC LIMIT ? OFFSET ?";

  private static final String COUNT = "SELECT count(*) FROM audit_log " + WHERE;

  private static final String ACTIONS = "SELECT DISTINCT action FROM audit_log ORDER BY action";

  private final DataSource dataSource;

  public AuditLogRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Appends in a connection of its own (auto-commit): the entry stands on its own. */
  public AuditEntry append(AuditRecord record) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return append(connection, record);
    }
  }

  /** Appends in the caller's connection (auto-commit or its transaction). */
  public AuditEntry append(Connection connection, AuditRecord record) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setString(1, record.actor());
      insert.setString(2, record.action());
      insert.setString(3, record.objectType());
      insert.setString(4, record.objectId());
      insert.setString(5, record.reason());
      insert.setString(6, record.outcome().code());
      if (record.httpStatus() == null) {
        insert.setNull(7, Types.INTEGER);
      } else {
        insert.setInt(7, record.httpStatus());
      }
      insert.setString(8, record.detail());
      insert.setString(9, record.client());
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        return new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), record);
      }
    }
  }

  /** Matching entries, newest first. */
  public Page<AuditEntry> page(AuditQuery query, PageRequest page) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      long total;
      try (PreparedStatement count = connection.prepareStatement(COUNT)) {
        bind(count, query);
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          total = rs.getLong(1);
        }
      }
      List<AuditEntry> entries = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement(PAGE)) {
        int next = bind(select, query);
        select.setInt(next, page.size());
        select.setInt(next + 1, page.offset());
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            entries.add(entry(rs));
          }
        }
      }
      return new Page<>(entries, page.page(), page.size(), total);
    }
  }

  /** Every action name that occurs in the log, sorted. */
  public List<String> actions() throws SQLException {
    List<String> actions = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(ACTIONS);
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        actions.add(rs.getString(1));
      }
    }
    return actions;
  }

  private static int bind(PreparedStatement statement, AuditQuery query) throws SQLException {
    int i = 1;
    for (String value :
        new String[] {
          query.actor(), query.action(), query.objectType(), query.objectId(), query.outcome()
        }) {
      statement.setString(i++, value);
      statement.setString(i++, value);
    }
    String like = LikePatterns.containing(query.text());
    statement.setString(i++, like);
    statement.setString(i++, like);
    for (Instant instant : new Instant[] {query.from(), query.to()}) {
      Timestamp timestamp = instant == null ? null : Timestamp.from(instant);
      statement.setTimestamp(i++, timestamp);
      statement.setTimestamp(i++, timestamp);
    }
    return i;
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    int status = rs.getInt(9);
    Integer httpStatus = rs.wasNull() ? null : status;
    return new AuditEntry(
        rs.getLong(1),
        rs.getTimestamp(2).toInstant(),
        new AuditRecord(
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            rs.getString(7),
            AuditRecord.Outcome.valueOf(rs.getString(8).toUpperCase(Locale.ROOT)),
            httpStatus,
            rs.getString(10),
            rs.getString(11)));
  }
}
