package de.vorlauf.persistence.ops;

import de.vorlauf.persistence.paging.Page;
import de.vorlauf.persistence.paging.PageRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads of the quarantine browser: filtered pages without payloads, one row with its payload, the
 * ids of matching rows (for re-ingestion). Writes belong to the ingestion's quarantine writer.
 */
public class QuarantineRepository {

  // every filter is optional: "? IS NULL OR ..." keeps one statement with bind parameters
  private static final String WHERE =
      """
      WHERE (?::text IS NULL OR device_id = ?)
        AND (?::text IS NULL OR reason = ?)
        AND (?::timestamptz IS NULL OR received_at >= ?)
        AND (?::timestamptz IS NULL OR received_at < ?)
      """;

  private static final String PAGE =
      """
      SELECT id, received_at, source, device_id, topic, reason, detail, sensor_id,
             payload_complete, NULL
      FROM quarantine
      """
          + WHERE
          + " ORDER BY id DESC LIMIT ? OFFSET ?";

  private static final String COUNT = "SELECT count(*) FROM quarantine " + WHERE;

  private static final String IDS = "SELECT id FROM quarantine " + WHERE + " ORDER BY id LIMIT ?";

  private static final String ONE =
      """
      SELECT id, received_at, source, device_id, topic, reason, detail, sensor_id,
             payload_complete, payload
      FROM quarantine WHERE id = ?
      """;

  private final DataSource dataSource;

  public QuarantineRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Matching rows, newest first, without their payloads. */
  public Page<QuarantineRow> page(QuarantineFilter filter, PageRequest page) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      long total;
      try (PreparedStatement count = connection.prepareStatement(COUNT)) {
        bind(count, filter);
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          total = rs.getLong(1);
        }
      }
      List<QuarantineRow> rows = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement(PAGE)) {
        int next = bind(select, filter);
        select.setInt(next, page.size());
        select.setInt(next + 1, page.offset());
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            rows.add(row(rs));
          }
        }
      }
      return new Page<>(rows, page.page(), page.size(), total);
    }
  }

  /** One row with its (capped) payload. */
  public Optional<QuarantineRow> find(long id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(ONE)) {
      select.setLong(1, id);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  /** Ids of the matching rows, oldest first, at most {@code limit}. */
  public List<Long> ids(QuarantineFilter filter, int limit) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(IDS)) {
      int next = bind(select, filter);
      select.setInt(next, limit);
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    }
  }

  /** Binds the filter to the first eight parameters; returns the next parameter index. */
  private static int bind(PreparedStatement statement, QuarantineFilter filter)
      throws SQLException {
    statement.setString(1, filter.deviceId());
    statement.setString(2, filter.deviceId());
    statement.setString(3, filter.reason());
    statement.setString(4, filter.reason());
    statement.setTimestamp(5, timestamp(filter.from()));
    statement.setTimestamp(6, timestamp(filter.from()));
    statement.setTimestamp(7, timestamp(filter.to()));
    statement.setTimestamp(8, timestamp(filter.to()));
    return 9;
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static QuarantineRow row(ResultSet rs) throws SQLException {
    return new QuarantineRow(
        rs.getLong(1),
        rs.getTimestamp(2).toInstant(),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getBoolean(9),
        rs.getString(10));
  }
}
