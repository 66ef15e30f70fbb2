package de.vorlauf.persistence.experiments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies what the ETL recorded of a feature window ({@code etl_building_days}, V91) into a run's
 * lineage, in the caller's transaction: which ETL runs wrote its building-days and a fingerprint.
 */
final class LineageRecorder {

  private static final String WINDOW =
      """
      day BETWEEN ? AND ? AND (cardinality(?::text[]) = 0 OR building_id = ANY (?::text[]))
      """;

  private static final String ETL_RUNS =
      "SELECT etl_run, count(*)::int, min(day), max(day) FROM etl_building_days WHERE "
          + WINDOW
          + " GROUP BY etl_run ORDER BY min(day), etl_run";

  // what the ETL wrote, in a stable order: another ETL run, time or row count changes it
  private static final String FINGERPRINT =
      """
      SELECT count(*)::int,
             encode(sha256(convert_to(coalesce(string_agg(
               building_id || '|' || day || '|' || etl_run || '|'
                 || extract(epoch FROM processed_at) || '|' || slots || '|' || readings || '|'
                 || bad_readings, E'\\n' ORDER BY building_id, day), ''), 'UTF8')), 'hex')
      FROM etl_building_days WHERE
      """
          + WINDOW;

  private static final String UPSERT =
      """
      INSERT INTO experiment_run_lineage (run_id, feature_from, feature_to, building_ids,
                                          building_days, data_fingerprint, recorded_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (run_id) DO UPDATE
      SET feature_from = EXCLUDED.feature_from, feature_to = EXCLUDED.feature_to,
          building_ids = EXCLUDED.building_ids, building_days = EXCLUDED.building_days,
          data_fingerprint = EXCLUDED.data_fingerprint, recorded_at = EXCLUDED.recorded_at
      """;

  private static final String CLEAR_ETL = "DELETE FROM experiment_run_etl_runs WHERE run_id = ?";

  private static final String INSERT_ETL =
      """
      INSERT INTO experiment_run_etl_runs (run_id, etl_run, building_days, first_day, last_day)
      VALUES (?, ?, ?, ?, ?)
      """;

  Lineage record(
      Connection c, long runId, FeatureWindow window, String dataFingerprint, Instant now)
      throws SQLException {
    List<Lineage.EtlRunRef> etlRuns;
    try (PreparedStatement query = c.prepareStatement(ETL_RUNS)) {
      bindWindow(c, query, window);
      etlRuns = etlRuns(query);
    }
    int buildingDays;
    String computed;
    try (PreparedStatement query = c.prepareStatement(FINGERPRINT)) {
      bindWindow(c, query, window);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        buildingDays = rs.getInt(1);
        computed = "etl:" + rs.getString(2);
      }
    }
    String fingerprint = dataFingerprint == null ? computed : dataFingerprint;
    try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
      upsert.setLong(1, runId);
      upsert.setObject(2, window.from());
      upsert.setObject(3, window.to());
      upsert.setArray(4, c.createArrayOf("text", window.buildingIds().toArray()));
      upsert.setInt(5, buildingDays);
      upsert.setString(6, fingerprint);
      upsert.setObject(7, Sql.utc(now));
      upsert.executeUpdate();
    }
    try (PreparedStatement clear = c.prepareStatement(CLEAR_ETL)) {
      clear.setLong(1, runId);
      clear.executeUpdate();
    }
    try (PreparedStatement insert = c.prepareStatement(INSERT_ETL)) {
      for (Lineage.EtlRunRef ref : etlRuns) {
        insert.setLong(1, runId);
        insert.setString(2, ref.workflowId());
        insert.setInt(3, ref.buildingDays());
        insert.setObject(4, ref.firstDay());
        insert.setObject(5, ref.lastDay());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return new Lineage(window, buildingDays, fingerprint, etlRuns, now);
  }

  /** Rows of (ETL run, building-days, first day, last day), from the window or a run's copy. */
  static List<Lineage.EtlRunRef> etlRuns(PreparedStatement query) throws SQLException {
    List<Lineage.EtlRunRef> etlRuns = new ArrayList<>();
    try (ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        etlRuns.add(
            new Lineage.EtlRunRef(
                rs.getString(1),
                rs.getInt(2),
                rs.getObject(3, LocalDate.class),
                rs.getObject(4, LocalDate.class)));
      }
    }
    return etlRuns;
  }

  private static void bindWindow(Connection c, PreparedStatement statement, FeatureWindow window)
      throws SQLException {
    statement.setObject(1, window.from());
    statement.setObject(2, window.to());
    statement.setArray(3, c.createArrayOf("text", window.buildingIds().toArray()));
    statement.setArray(4, c.createArrayOf("text", window.buildingIds().toArray()));
  }
}
