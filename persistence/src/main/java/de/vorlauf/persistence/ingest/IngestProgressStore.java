package de.vorlauf.persistence.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** SQL of {@code ingest_progress}: each process upserts its lanes, readers take recent rows. */
public final class IngestProgressStore {

  private static final String UPSERT =
      """
      INSERT INTO ingest_progress AS p (process_id, lane, reported_at, subscribed, in_flight,
          queued_readings, lag_seconds, last_commit_at, stalled_seconds)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (process_id, lane) DO UPDATE SET
          reported_at = excluded.reported_at,
          subscribed = excluded.subscribed,
          in_flight = excluded.in_flight,
          queued_readings = excluded.queued_readings,
          lag_seconds = excluded.lag_seconds,
          last_commit_at = excluded.last_commit_at,
          stalled_seconds = excluded.stalled_seconds
      """;

  private static final String FORGET_OLDER = "DELETE FROM ingest_progress WHERE reported_at < ?";

  private static final String REMOVE = "DELETE FROM ingest_progress WHERE process_id = ?";

  private static final String SINCE =
      """
      SELECT process_id, lane, reported_at, subscribed, in_flight, queued_readings, lag_seconds,
          last_commit_at, stalled_seconds
      FROM ingest_progress WHERE reported_at >= ? ORDER BY lane, process_id
      """;

  private final DataSource dataSource;

  public IngestProgressStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Writes one process's lanes and deletes rows nobody refreshed since {@code forgetBefore} (a
   * crashed process's), in one transaction.
   */
  public void publish(List<LaneProgress> lanes, Instant forgetBefore) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (PreparedStatement upsert = connection.prepareStatement(UPSERT);
          PreparedStatement forget = connection.prepareStatement(FORGET_OLDER)) {
        for (LaneProgress lane : lanes) {
          upsert.setString(1, lane.processId());
          upsert.setString(2, lane.lane());
          upsert.setTimestamp(3, Timestamp.from(lane.reportedAt()));
          if (lane.subscribed() == null) {
            upsert.setNull(4, Types.BOOLEAN);
          } else {
            upsert.setBoolean(4, lane.subscribed());
          }
          upsert.setInt(5, lane.inFlight());
          upsert.setInt(6, lane.queuedReadings());
          if (lane.lagSeconds() == null) {
            upsert.setNull(7, Types.DOUBLE);
          } else {
            upsert.setDouble(7, lane.lagSeconds());
          }
          upsert.setTimestamp(
              8, lane.lastCommitAt() == null ? null : Timestamp.from(lane.lastCommitAt()));
          upsert.setLong(9, lane.stalledSeconds());
          upsert.addBatch();
        }
        upsert.executeBatch();
        forget.setTimestamp(1, Timestamp.from(forgetBefore));
        forget.executeUpdate();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  /** A stopping process takes its rows with it: nobody should wait for its next report. */
  public void remove(String processId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(REMOVE)) {
      delete.setString(1, processId);
      delete.executeUpdate();
    }
  }

  /** Every row reported at or after {@code since}, by lane and process. */
  public List<LaneProgress> since(Instant since) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(SINCE)) {
      select.setTimestamp(1, Timestamp.from(since));
      List<LaneProgress> rows = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          boolean subscribed = rs.getBoolean("subscribed");
          Boolean subscribedOrNull = rs.wasNull() ? null : subscribed;
          double lag = rs.getDouble("lag_seconds");
          Double lagOrNull = rs.wasNull() ? null : lag;
          Timestamp commit = rs.getTimestamp("last_commit_at");
          rows.add(
              new LaneProgress(
                  rs.getString("process_id"),
                  rs.getString("lane"),
                  rs.getTimestamp("reported_at").toInstant(),
                  subscribedOrNull,
                  rs.getInt("in_flight"),
                  rs.getInt("queued_readings"),
                  lagOrNull,
                  commit == null ? null : commit.toInstant(),
                  rs.getLong("stalled_seconds")));
        }
      }
      return rows;
    }
  }
}
