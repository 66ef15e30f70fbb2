package de.vorlauf.persistence.features;

import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.training.BuildingAttributes;
import de.vorlauf.domain.training.BuildingHistory;
import de.vorlauf.domain.training.HourAggregate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The heat-demand model's read of {@code building_features}: the registry's attributes of the
 * buildings to train on and their features rolled up to UTC hours (the unit the model predicts and
 * the hourly rollup joins on). The hour rows are what {@code domain.training.DemandDatasetBuilder}
 * turns into samples.
 */
public final class TrainingDataRepository {

  private static final int FETCH_ROWS = 5_000;

  // named buildings whatever their state; all active ones when none is named
  private static final String BUILDINGS =
      """
      SELECT id, heating_type, area_m2, year_built
      FROM buildings
      WHERE (cardinality(?::text[]) = 0 AND active) OR id = ANY(?::text[])
      ORDER BY id
      """;

  // quality: a slot without a row counts 0, so an hour of two slots at 1.0 has 0.5
  private static final String HOURS =
      """
      SELECT building_id,
             date_bin('1 hour', time, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS hour,
             avg(heat_power_total_kw) AS heat_power_kw,
             count(heat_power_total_kw) AS power_slots,
             avg(outdoor_temp) AS outdoor_temp,
             sum(quality) / 4 AS quality,
             (array_agg(local_hour ORDER BY time))[1] AS local_hour,
             (array_agg(day_of_week >= 6 OR holiday ORDER BY time))[1] AS off_day
      FROM building_features
      WHERE building_id = ANY(?::text[]) AND time >= ? AND time < ?
      GROUP BY building_id, hour
      ORDER BY building_id, hour
      """;

  private final DataSource dataSource;

  public TrainingDataRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The buildings (all active ones when {@code buildingIds} is empty) with their hours in {@code
   * [from, to)}, by building id; a building without any feature row has an empty list.
   */
  public List<BuildingHistory> histories(List<String> buildingIds, Instant from, Instant to)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      Map<String, BuildingAttributes> buildings = buildings(connection, buildingIds);
      Map<String, List<HourAggregate>> hours = new LinkedHashMap<>();
      buildings.keySet().forEach(id -> hours.put(id, new ArrayList<>()));
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false); // a cursor needs a transaction
      try (PreparedStatement statement = connection.prepareStatement(HOURS)) {
        statement.setFetchSize(FETCH_ROWS);
        statement.setArray(
            1, connection.createArrayOf("text", buildings.keySet().toArray(String[]::new)));
        statement.setObject(2, Sql.utc(from));
        statement.setObject(3, Sql.utc(to));
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            hours.get(rs.getString(1)).add(hour(rs));
          }
        }
        connection.commit();
      } finally {
        connection.setAutoCommit(autoCommit);
      }
      List<BuildingHistory> result = new ArrayList<>();
      buildings.forEach((id, b) -> result.add(new BuildingHistory(b, hours.get(id))));
      return result;
    }
  }

  private static Map<String, BuildingAttributes> buildings(
      Connection connection, List<String> buildingIds) throws SQLException {
    Map<String, BuildingAttributes> buildings = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(BUILDINGS)) {
      java.sql.Array ids = connection.createArrayOf("text", buildingIds.toArray(String[]::new));
      statement.setArray(1, ids);
      statement.setArray(2, ids);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          HeatingType type =
              HeatingType.fromCode(rs.getString(2))
                  .orElseThrow(() -> new SQLException("unknown heating type of " + id));
          double area = rs.getDouble(3);
          Double areaM2 = rs.wasNull() ? null : area;
          int year = rs.getInt(4);
          Integer yearBuilt = rs.wasNull() ? null : year;
          buildings.put(id, new BuildingAttributes(id, type, areaM2, yearBuilt));
        }
      }
    }
    return buildings;
  }

  private static HourAggregate hour(ResultSet rs) throws SQLException {
    double power = rs.getDouble(3);
    if (rs.wasNull()) {
      power = Double.NaN;
    }
    double outdoor = rs.getDouble(5);
    if (rs.wasNull()) {
      outdoor = Double.NaN;
    }
    return new HourAggregate(
        rs.getObject(2, OffsetDateTime.class).toInstant(),
        power,
        rs.getInt(4),
        outdoor,
        rs.getDouble(6),
        rs.getInt(7),
        rs.getBoolean(8));
  }
}
