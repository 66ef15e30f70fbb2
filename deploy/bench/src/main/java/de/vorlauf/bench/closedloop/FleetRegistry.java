package de.vorlauf.bench.closedloop;

import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.simulator.runtime.FleetLayout;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The simulated fleet in the registry, as the admin API would write it: each building with its
 * configuration (what the optimiser reads: type, area, comfort band, night setback, curve and flow
 * limits) and its device. The broker of the harness is anonymous, so no credentials are issued.
 */
final class FleetRegistry {

  private static final String INSERT_BUILDING =
      """
      INSERT INTO buildings (id, name, time_zone, heating_type, area_m2, year_built,
          heating_circuits, has_dhw, comfort_temp_min, comfort_temp_max, night_setback_enabled,
          night_setback_start, night_setback_end, night_setback_reduction, curve_base_temp,
          curve_slope, flow_temp_min, flow_temp_max)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
      """;

  private static final String INSERT_DEVICE =
      """
      INSERT INTO devices (id, building_id, description) VALUES (?, ?, ?)
      ON CONFLICT (id) DO NOTHING
      """;

  private FleetRegistry() {}

  static void register(DataSource dataSource, FleetLayout layout) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement building = c.prepareStatement(INSERT_BUILDING);
        PreparedStatement device = c.prepareStatement(INSERT_DEVICE)) {
      for (FleetLayout.Member m : layout.members()) {
        BuildingConfig b = m.spec().config();
        bind(
            building,
            b.buildingId(),
            "Closed-loop " + b.heatingType().label() + " " + b.buildingId(),
            b.timeZone().getId(),
            b.heatingType().code(),
            b.areaM2(),
            b.yearBuilt(),
            b.heatingCircuits(),
            b.hasDhw(),
            b.comfortTempMin(),
            b.comfortTempMax(),
            b.nightSetback().enabled(),
            b.nightSetback().startHour(),
            b.nightSetback().endHour(),
            b.nightSetback().roomReductionK(),
            b.curve().baseC(),
            b.curve().slope(),
            b.curve().minFlowC(),
            b.curve().maxFlowC());
        building.addBatch();
        bind(device, m.deviceId(), b.buildingId(), "simulated GreenBox");
        device.addBatch();
      }
      building.executeBatch();
      device.executeBatch();
    }
  }

  private static void bind(PreparedStatement s, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      s.setObject(i + 1, values[i]);
    }
  }
}
