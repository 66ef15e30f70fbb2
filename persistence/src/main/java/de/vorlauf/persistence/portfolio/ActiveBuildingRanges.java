package de.vorlauf.persistence.portfolio;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The active buildings cut into id ranges by key, so that a run can hand out batches without
 * passing every id around: {@link #plan} names the boundaries, {@link #ids} reads one range.
 */
public final class ActiveBuildingRanges {

  /**
   * @param active active buildings now
   * @param batchEnds the last id of every full batch of {@code batchSize}, ascending
   */
  public record Plan(int active, List<String> batchEnds) {
    public Plan {
      batchEnds = List.copyOf(batchEnds);
    }
  }

  // one index-only pass over the primary key; count(*) OVER () rides along on every row
  private static final String PLAN =
      """
      SELECT id, n, total FROM (
          SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total
          FROM buildings WHERE active) t
      WHERE n % ? = 0 OR n = 1
      ORDER BY id
      """;

  private static final String RANGE =
      """
      SELECT id FROM buildings
      WHERE active AND (?::text IS NULL OR id > ?::text) AND (?::text IS NULL OR id <= ?::text)
      ORDER BY id
      """;

  private final DataSource dataSource;

  public ActiveBuildingRanges(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Plan plan(int batchSize) throws SQLException {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size " + batchSize + " < 1");
    }
    int active = 0;
    List<String> ends = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(PLAN)) {
      statement.setInt(1, batchSize);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          active = rs.getInt("total");
          if (rs.getLong("n") % batchSize == 0) {
            ends.add(rs.getString("id"));
          }
        }
      }
    }
    return new Plan(active, ends);
  }

  /** Active ids in {@code (after, through]}, ascending; a null bound is open. */
  public List<String> ids(String after, String through) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(RANGE)) {
      statement.setString(1, after);
      statement.setString(2, after);
      statement.setString(3, through);
      statement.setString(4, through);
      List<String> ids = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    }
  }
}
