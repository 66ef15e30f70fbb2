package de.vorlauf.persistence.optimization;

import de.vorlauf.domain.optimization.OptimizationResult;
import de.vorlauf.persistence.jdbc.GroupCommit;
import de.vorlauf.persistence.jdbc.SqlTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optimisation results and the demand predictions they used ({@code optimization_results}, {@code
 * demand_predictions}, V150). A result is stored once per {@code (building, as of, origin)}: a
 * retried store finds the first one and changes nothing, the prediction included. A real-time
 * call's ({@link NewOptimization#REALTIME}, V175) is stored once per request id instead, so every
 * call is kept. Retention ({@link #applyRetention}) removes both by age.
 */
public final class OptimizationStore {

  private static final Logger LOG = LoggerFactory.getLogger(OptimizationStore.class);

  private static final String FROM =
      " FROM optimization_results r LEFT JOIN demand_predictions p ON p.id = r.prediction_id ";

  private static final String FIND =
      "SELECT "
          + ResultRows.COLUMNS
          + FROM
          + "WHERE r.building_id = ? AND r.as_of = ? AND r.origin = ? AND r.request_id = ?";

  // one backward scan of the unique key's index per building
  private static final String LATEST =
      """
      SELECT %s
      FROM unnest(?::text[]) AS b(id)
      CROSS JOIN LATERAL (
          SELECT * FROM optimization_results x
          WHERE x.building_id = b.id
          ORDER BY x.as_of DESC, x.created_at DESC
          LIMIT 1) r
      LEFT JOIN demand_predictions p ON p.id = r.prediction_id
      """
          .formatted(ResultRows.COLUMNS);

  private static final String RANGE =
      "SELECT "
          + ResultRows.COLUMNS
          + FROM
          + "WHERE r.building_id = ? AND r.as_of >= ? AND r.as_of < ? ORDER BY r.as_of, r.origin";

  private static final String MARK_PUBLISHED =
      """
      UPDATE optimization_results SET published_command_id = ?, published_at = ?
      WHERE building_id = ? AND as_of = ? AND origin = ? AND request_id = ''
        AND (published_command_id IS NULL OR published_command_id = ?)
      """;

  private static final String DELETE_RESULTS = "DELETE FROM optimization_results WHERE as_of < ?";

  private static final String DELETE_PREDICTIONS =
      "DELETE FROM demand_predictions WHERE issued_at < ?";

  /** What a retention run removed. */
  public record Removed(int results, int predictions) {}

  /** A store's answer: the stored row, and whether this call wrote it. */
  public record Stored(StoredOptimization optimization, boolean created) {}

  private final DataSource dataSource;
  private final Duration retention;

  /**
   * @param retention results and predictions older than this (by their as-of / issue time) go
   */
  public OptimizationStore(DataSource dataSource, Duration retention) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive: " + retention);
    }
    this.retention = retention;
  }

  /**
   * Stores the result with its prediction in one transaction; when a result for the same building,
   * instant and origin is stored already, returns that one and writes nothing.
   */
  public Stored store(NewOptimization optimization) throws SQLException {
    OptimizationResult result = optimization.result();
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        Long predictionId = null;
        if (result.demand() != null) {
          predictionId = ResultRows.insertPrediction(c, optimization);
        }
        boolean created = ResultRows.insertResult(c, optimization, predictionId);
        if (created) {
          c.commit();
        } else {
          c.rollback();
        }
        StoredOptimization stored =
            find(
                    c,
                    result.buildingId(),
                    result.timestamp(),
                    optimization.origin(),
                    optimization.requestId())
                .orElseThrow(() -> new SQLException("the stored result vanished"));
        return new Stored(stored, created);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
  }

  /**
   * The writer of real-time calls ({@link NewOptimization#REALTIME}: each under its own request id,
   * so none can meet a stored one) for {@code GroupCommit}: the calls waiting together are stored
   * with their predictions in one statement, one transaction for all (docs/benchmarks.md,
   * "Real-time optimisation"). It keeps its connection between transactions, because every borrow
   * from WildFly's pool validates the connection first, a round trip as long as the insert for a
   * call alone. After a failure the connection goes back to the pool, which drops a broken one, and
   * the next write borrows afresh, so a restarted database costs the transaction that meets it.
   */
  public CallWriter callWriter() {
    return new CallWriter();
  }

  /** {@link #callWriter()}. For one thread: not thread-safe. */
  public final class CallWriter
      implements GroupCommit.BatchWrite<NewOptimization, StoredOptimization>, AutoCloseable {

    private Connection connection;

    private CallWriter() {}

    /**
     * @return each call as stored, in the order given
     * @throws SQLException when any of them fails: then none is stored
     * @throws IllegalArgumentException for a call of another origin, or two with one request id
     */
    @Override
    public List<StoredOptimization> write(List<NewOptimization> calls) throws SQLException {
      checkCalls(calls);
      if (connection == null) {
        connection = dataSource.getConnection();
      }
      try {
        return storeCalls(connection, calls);
      } catch (SQLException | RuntimeException e) {
        close();
        throw e;
      }
    }

    /** Gives the connection back. */
    @Override
    public void close() {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException e) {
          LOG.warn("giving back the real-time store's connection failed: {}", e.toString());
        }
        connection = null;
      }
    }
  }

  private static void checkCalls(List<NewOptimization> calls) {
    Set<String> requestIds = new HashSet<>();
    for (NewOptimization call : calls) {
      if (!call.origin().equals(NewOptimization.REALTIME)) {
        throw new IllegalArgumentException(
            "only real-time calls are stored together, not origin " + call.origin());
      }
      if (!requestIds.add(call.requestId())) {
        throw new IllegalArgumentException("request id " + call.requestId() + " given twice");
      }
    }
  }

  private static List<StoredOptimization> storeCalls(Connection c, List<NewOptimization> calls)
      throws SQLException {
    // one statement, its own transaction in autocommit; a connection without it commits here
    List<ResultRows.Inserted> inserted;
    if (c.getAutoCommit()) {
      inserted = ResultRows.insertCalls(c, NewOptimization.REALTIME, calls);
    } else {
      try {
        inserted = ResultRows.insertCalls(c, NewOptimization.REALTIME, calls);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
    List<StoredOptimization> stored = new ArrayList<>(calls.size());
    for (int i = 0; i < calls.size(); i++) {
      stored.add(asStored(calls.get(i), inserted.get(i)));
    }
    return stored;
  }

  /** The result a scheduled run stored for {@code (building, asOf, origin)}, if any. */
  public Optional<StoredOptimization> find(String buildingId, Instant asOf, String origin)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return find(c, buildingId, asOf, origin, "");
    }
  }

  /** Each building's newest result (any origin); buildings without one are absent. */
  public Map<String, StoredOptimization> latest(List<String> buildingIds) throws SQLException {
    Map<String, StoredOptimization> latest = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(LATEST)) {
      statement.setArray(1, c.createArrayOf("text", buildingIds.toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          StoredOptimization row = ResultRows.read(rs);
          latest.put(row.result().buildingId(), row);
        }
      }
    }
    return latest;
  }

  /** A building's results with as-of in {@code [from, to)}, oldest first. */
  public List<StoredOptimization> range(String buildingId, Instant from, Instant to)
      throws SQLException {
    List<StoredOptimization> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(RANGE)) {
      statement.setString(1, buildingId);
      statement.setObject(2, SqlTime.utc(from));
      statement.setObject(3, SqlTime.utc(to));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(ResultRows.read(rs));
        }
      }
    }
    return rows;
  }

  /**
   * Records the command published for a stored result. Idempotent: the same id again changes
   * nothing but the time; another id for a result published already is refused (false).
   */
  public boolean markPublished(
      String buildingId, Instant asOf, String origin, String commandId, Instant publishedAt)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(MARK_PUBLISHED)) {
      statement.setString(1, commandId);
      statement.setObject(2, SqlTime.utc(publishedAt));
      statement.setString(3, buildingId);
      statement.setObject(4, SqlTime.utc(asOf));
      statement.setString(5, origin);
      statement.setString(6, commandId);
      return statement.executeUpdate() == 1;
    }
  }

  /**
   * Removes results with an as-of, and predictions issued, before {@code asOf − retention}.
   * Idempotent: a second run with the same instant removes nothing.
   */
  public Removed applyRetention(Instant asOf) throws SQLException {
    Instant cutoff = asOf.minus(retention);
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (PreparedStatement results = c.prepareStatement(DELETE_RESULTS);
          PreparedStatement predictions = c.prepareStatement(DELETE_PREDICTIONS)) {
        results.setObject(1, SqlTime.utc(cutoff));
        int r = results.executeUpdate();
        predictions.setObject(1, SqlTime.utc(cutoff));
        int p = predictions.executeUpdate();
        c.commit();
        return new Removed(r, p);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
  }

  public Duration retention() {
    return retention;
  }

  /** What a read of the row just inserted would give: the call's values, the row's id and time. */
  private static StoredOptimization asStored(NewOptimization call, ResultRows.Inserted row) {
    OptimizationResult result = call.result();
    return new StoredOptimization(
        row.id(),
        call.origin(),
        result,
        result.demand() == null ? null : result.demand().model(),
        result.demand() == null ? 0 : result.demand().version(),
        call.predictionMissing(),
        null,
        null,
        row.createdAt());
  }

  private static Optional<StoredOptimization> find(
      Connection c, String buildingId, Instant asOf, String origin, String requestId)
      throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(FIND)) {
      statement.setString(1, buildingId);
      statement.setObject(2, SqlTime.utc(asOf));
      statement.setString(3, origin);
      statement.setString(4, requestId);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? Optional.of(ResultRows.read(rs)) : Optional.empty();
      }
    }
  }
}
