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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads of the quarantine browser: filtered pages without payloads but with the timestamp the
 * message itself carried, one row with its payload, the matching rows grouped by device, sensor or
 * reason, and the ids of matching rows (for re-ingestion). Writes belong to the ingestion's
 * quarantine writer.
 */
public class QuarantineRepository {

  // every filter is optional: "? IS NULL OR ..." keeps one statement with bind parameters
  private static final String WHERE =
      """
      WHERE (?::text IS NULL OR device_id = ?)
        AND (?::text IS NULL OR sensor_id = ?)
        AND (?::text IS NULL OR reason = ?)
        AND (?::timestamptz IS NULL OR received_at >= ?)
        AND (?::timestamptz IS NULL OR received_at < ?)
      """;

  // the payload's own "timestamp", from complete payloads only (a cut one may end inside it)
  private static final String READING_TIMESTAMP =
      """
      CASE WHEN q.payload_complete THEN substring(q.payload
           FROM '"timestamp"[[:space:]]*:[[:space:]]*"([^"]{1,64})"') END
      """;

  // The page's ids first, then the payload's timestamp for those rows only: the pattern runs over
  // at most a page of (capped) payloads, never over every match.
  private static final String PAGE =
      "SELECT q.id, q.received_at, "
          + READING_TIMESTAMP
          + """
          , q.source, q.device_id, q.topic, q.reason, q.detail, q.sensor_id, q.payload_complete,
            NULL
          FROM (SELECT id FROM quarantine %s ORDER BY id %s LIMIT ? OFFSET ?) page
          JOIN quarantine q ON q.id = page.id
          ORDER BY q.id %s
          """;

  private static final String COUNT = "SELECT count(*) FROM quarantine " + WHERE;

  private static final String IDS = "SELECT id FROM quarantine " + WHERE + " ORDER BY id LIMIT ?";

  private static final String ONE =
      "SELECT q.id, q.received_at, "
          + READING_TIMESTAMP
          + """
          , q.source, q.device_id, q.topic, q.reason, q.detail, q.sensor_id, q.payload_complete,
            q.payload
          FROM quarantine q WHERE q.id = ?
          """;

  private static final String GROUPS =
      """
      SELECT %s, count(*), min(received_at), max(received_at) FROM quarantine %s
      GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?
      """;

  private static final String REASONS_SEEN = "SELECT reason FROM quarantine_counts ORDER BY reason";

  private final DataSource dataSource;

  public QuarantineRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Matching rows, newest first, without their payloads. */
  public Page<QuarantineRow> page(QuarantineFilter filter, PageRequest page) throws SQLException {
    return page(filter, page, true);
  }

  /**
   * Matching rows without their payloads.
   *
   * @param newestFirst by arrival, newest first (else oldest first)
   */
  public Page<QuarantineRow> page(QuarantineFilter filter, PageRequest page, boolean newestFirst)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      long total;
      try (PreparedStatement count = connection.prepareStatement(COUNT)) {
        bind(count, filter);
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          total = rs.getLong(1);
        }
      }
      // the direction is constant text, everything else is bound
      String direction = newestFirst ? "DESC" : "ASC";
      List<QuarantineRow> rows = new ArrayList<>();
      try (PreparedStatement select =
          connection.prepareStatement(PAGE.formatted(WHERE, direction, direction))) {
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

  /** The matching rows grouped, largest group first, at most {@code limit} groups. */
  public List<QuarantineGroup> groups(QuarantineFilter filter, QuarantineGroup.By by, int limit)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(GROUPS.formatted(by.column, WHERE))) {
      int next = bind(select, filter);
      select.setInt(next, limit);
      List<QuarantineGroup> groups = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          groups.add(
              new QuarantineGroup(
                  rs.getString(1),
                  rs.getLong(2),
                  rs.getTimestamp(3).toInstant(),
                  rs.getTimestamp(4).toInstant()));
        }
      }
      return groups;
    }
  }

  /** Every reason the quarantine has counted so far (rows present or dropped beyond the cap). */
  public Set<String> reasonsSeen() throws SQLException {
    Set<String> reasons = new LinkedHashSet<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(REASONS_SEEN);
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        reasons.add(rs.getString(1));
      }
    }
    return reasons;
  }

  /** Binds the filter to the first ten parameters; returns the next parameter index. */
  private static int bind(PreparedStatement statement, QuarantineFilter filter)
      throws SQLException {
    int i = 1;
    for (String value : new String[] {filter.deviceId(), filter.sensorId(), filter.reason()}) {
      statement.setString(i++, value);
      statement.setString(i++, value);
    }
    for (Instant instant : new Instant[] {filter.from(), filter.to()}) {
      Timestamp timestamp = instant == null ? null : Timestamp.from(instant);
      statement.setTimestamp(i++, timestamp);
      statement.setTimestamp(i++, timestamp);
    }
    return i;
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
        rs.getString(9),
        rs.getBoolean(10),
        rs.getString(11));
  }
}
