package de.vorlauf.persistence.optimization;

import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.heating.NightSetback;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The registry as the optimiser reads it: per building its heating configuration, whether it is
 * active, and the device its setpoints go to. One query for a batch of buildings.
 */
public final class OptimizationBuildings {

  /**
   * A building of the registry.
   *
   * @param config its configuration; null when the row does not make a valid one ({@code problem}
   *     says why)
   * @param deviceId the active device setpoints go to (the lowest id when there are several); null
   *     when it has none
   */
  public record Entry(
      String buildingId, boolean active, BuildingConfig config, String problem, String deviceId) {}

  private static final String ENTRIES =
      """
      SELECT b.id, b.active, b.time_zone, b.heating_type, b.area_m2, b.year_built,
             b.heating_circuits, b.has_dhw, b.comfort_temp_min, b.comfort_temp_max,
             b.night_setback_enabled, b.night_setback_start, b.night_setback_end,
             b.night_setback_reduction, b.curve_base_temp, b.curve_slope, b.flow_temp_min,
             b.flow_temp_max,
             (SELECT min(d.id) FROM devices d WHERE d.building_id = b.id AND d.active) AS device
      FROM buildings b
      WHERE b.id = ANY (?::text[])
      """;

  private final DataSource dataSource;

  public OptimizationBuildings(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The entries of those of {@code ids} that exist, by id. */
  public Map<String, Entry> entries(List<String> ids) throws SQLException {
    Map<String, Entry> entries = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(ENTRIES)) {
      statement.setArray(1, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          Entry entry = entry(rs);
          entries.put(entry.buildingId(), entry);
        }
      }
    }
    return entries;
  }

  private static Entry entry(ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    boolean active = rs.getBoolean("active");
    String device = rs.getString("device");
    try {
      return new Entry(id, active, config(id, rs), null, device);
    } catch (RuntimeException e) {
      // a row the database accepts but the domain does not (e.g. a NaN curve value): this
      // building cannot be optimised, the others can
      return new Entry(id, active, null, e.getMessage(), device);
    }
  }

  private static BuildingConfig config(String id, ResultSet rs) throws SQLException {
    HeatingType type =
        HeatingType.fromCode(rs.getString("heating_type"))
            .orElseThrow(
                () -> new IllegalArgumentException("unknown heating type of building " + id));
    double area = rs.getDouble("area_m2");
    Double areaM2 = rs.wasNull() ? null : area;
    int year = rs.getInt("year_built");
    Integer yearBuilt = rs.wasNull() ? null : year;
    return new BuildingConfig(
        id,
        type,
        ZoneId.of(rs.getString("time_zone")),
        areaM2,
        yearBuilt,
        rs.getInt("heating_circuits"),
        rs.getBoolean("has_dhw"),
        rs.getDouble("comfort_temp_min"),
        rs.getDouble("comfort_temp_max"),
        new NightSetback(
            rs.getBoolean("night_setback_enabled"),
            rs.getInt("night_setback_start"),
            rs.getInt("night_setback_end"),
            rs.getDouble("night_setback_reduction")),
        new HeatingCurve(
            rs.getDouble("curve_base_temp"),
            rs.getDouble("curve_slope"),
            rs.getDouble("flow_temp_min"),
            rs.getDouble("flow_temp_max")));
  }
}
