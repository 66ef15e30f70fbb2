package de.vorlauf.persistence.features;

import de.vorlauf.domain.features.Provenance;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a building's feature rows back for the features API, flattened to named columns: the
 * per-circuit arrays become one column per circuit ({@code flow_temp_hk1}, …), provenance codes
 * their words. Rows stream through a cursor, as the readings API's do.
 */
public final class FeatureQueries {

  /** Receives rows in time order; a value is a Double, Integer, Boolean, String or null. */
  public interface RowSink {
    void row(Instant time, Object[] values) throws IOException;
  }

  private static final int FETCH_ROWS = 2_000;

  private static final String CIRCUITS =
      """
      SELECT greatest(
          (SELECT heating_circuits FROM buildings WHERE id = ?),
          (SELECT max(cardinality(flow_temp)) FROM building_features
           WHERE building_id = ? AND time >= ? AND time < ?))
      """;

  private static final String ROWS =
      """
      SELECT time, outdoor_temp, outdoor_temp_src, indoor_temp, indoor_temp_src,
             flow_temp, flow_temp_src, return_temp, return_temp_src, flow_rate, flow_rate_src,
             spread, heat_power_kw, heat_power_total_kw, metered_heat_power_kw,
             metered_heat_power_src, heat_power_disagreement_kw, heating_degree_hours,
             local_hour, day_of_week, holiday, quality, readings, bad_readings, etl_run
      FROM building_features
      WHERE building_id = ? AND time >= ? AND time < ?
      ORDER BY time
      """;

  private static final String[] PER_CIRCUIT = {
    "flow_temp", "return_temp", "flow_rate", "spread", "heat_power_kw"
  };

  private FeatureQueries() {}

  /** The number of heating circuits the answer has columns for (at least 1). */
  public static int circuits(Connection connection, String buildingId, Instant from, Instant to)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(CIRCUITS)) {
      statement.setString(1, buildingId);
      statement.setString(2, buildingId);
      statement.setObject(3, Sql.utc(from));
      statement.setObject(4, Sql.utc(to));
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? Math.max(1, rs.getInt(1)) : 1;
      }
    }
  }

  /** The column names after {@code time}, for {@code circuits} heating circuits. */
  public static List<String> columns(int circuits) {
    List<String> names =
        new ArrayList<>(
            List.of("outdoor_temp", "outdoor_temp_src", "indoor_temp", "indoor_temp_src"));
    for (int c = 1; c <= circuits; c++) {
      for (String base : PER_CIRCUIT) {
        names.add(base + "_hk" + c);
        if (base.equals("flow_temp") || base.equals("return_temp") || base.equals("flow_rate")) {
          names.add(base + "_hk" + c + "_src");
        }
      }
    }
    names.addAll(
        List.of(
            "heat_power_total_kw",
            "metered_heat_power_kw",
            "metered_heat_power_src",
            "heat_power_disagreement_kw",
            "heating_degree_hours",
            "local_hour",
            "day_of_week",
            "holiday",
            "quality",
            "readings",
            "bad_readings",
            "etl_run"));
    return names;
  }

  /**
   * Streams the rows of {@code [from, to)} to {@code sink}, in a transaction of its own on {@code
   * connection} (a cursor needs one).
   *
   * @return rows handed to the sink
   */
  public static long stream(
      Connection connection,
      String buildingId,
      Instant from,
      Instant to,
      int circuits,
      RowSink sink)
      throws SQLException, IOException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    long count = 0;
    try (PreparedStatement statement = connection.prepareStatement(ROWS)) {
      statement.setFetchSize(FETCH_ROWS);
      statement.setString(1, buildingId);
      statement.setObject(2, Sql.utc(from));
      statement.setObject(3, Sql.utc(to));
      int width = columns(circuits).size();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          sink.row(rs.getObject(1, OffsetDateTime.class).toInstant(), row(rs, circuits, width));
          count++;
        }
      }
      connection.commit();
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    return count;
  }

  private static Object[] row(ResultSet rs, int circuits, int width) throws SQLException {
    Object[] v = new Object[width];
    int i = 0;
    v[i++] = number(rs, 2);
    v[i++] = provenance(rs.getInt(3));
    v[i++] = number(rs, 4);
    v[i++] = provenance(rs.getInt(5));
    Object[][] arrays = new Object[8][];
    for (int a = 0; a < 8; a++) {
      Array array = rs.getArray(6 + a);
      arrays[a] = array == null ? new Object[0] : (Object[]) array.getArray();
    }
    for (int c = 0; c < circuits; c++) {
      v[i++] = element(arrays[0], c); // flow_temp
      v[i++] = provenanceElement(arrays[1], c);
      v[i++] = element(arrays[2], c); // return_temp
      v[i++] = provenanceElement(arrays[3], c);
      v[i++] = element(arrays[4], c); // flow_rate
      v[i++] = provenanceElement(arrays[5], c);
      v[i++] = element(arrays[6], c); // spread
      v[i++] = element(arrays[7], c); // heat_power_kw
    }
    v[i++] = number(rs, 14);
    v[i++] = number(rs, 15);
    v[i++] = provenance(rs.getInt(16));
    v[i++] = number(rs, 17);
    v[i++] = number(rs, 18);
    v[i++] = rs.getInt(19);
    v[i++] = rs.getInt(20);
    v[i++] = rs.getBoolean(21);
    v[i++] = rs.getDouble(22);
    v[i++] = rs.getInt(23);
    v[i++] = rs.getInt(24);
    v[i] = rs.getString(25);
    return v;
  }

  private static Double number(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  private static Double element(Object[] array, int index) {
    return index < array.length && array[index] != null
        ? ((Number) array[index]).doubleValue()
        : null;
  }

  private static String provenanceElement(Object[] array, int index) {
    return index < array.length && array[index] != null
        ? provenance(((Number) array[index]).intValue())
        : Provenance.EMPTY.wireName();
  }

  private static String provenance(int code) {
    return Provenance.ofCode(code).wireName();
  }
}
