package de.vorlauf.webadmin.it;

import de.vorlauf.devstack.postgres.RunningPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One building with a year of hours in the hourly rollup (five sensors, a seasonal outdoor
 * temperature and the flow and return a heating curve would give), for the building page's 1 y at 1
 * h figure in {@link UiTimeToDataBench}. Written directly in SQL; the hours end now, so the page's
 * "1 y" preset finds them.
 */
final class BuildingYearFixture {

  static final String BUILDING = "bench-year";

  private static final String[] SQL = {
    """
    INSERT INTO buildings (id, name, time_zone, heating_type)
    VALUES ('bench-year', 'Ein Jahr', 'Europe/Berlin', 'gas') ON CONFLICT (id) DO NOTHING
    """,
    """
    INSERT INTO devices (id, building_id, description)
    VALUES ('bench-year-gb', 'bench-year', 'GreenBox') ON CONFLICT (id) DO NOTHING
    """,
    """
    INSERT INTO series (building_id, device_id, sensor_id, unit)
    SELECT 'bench-year', 'bench-year-gb', sensor, unit
    FROM (VALUES ('vorlauf_temp_hk1', 'degC'), ('ruecklauf_temp_hk1', 'degC'),
                 ('outdoor_temp', 'degC'), ('indoor_temp', 'degC'), ('heat_power', 'kW')) v(sensor, unit)
    ON CONFLICT (building_id, device_id, sensor_id, unit) DO NOTHING
    """,
    """
    INSERT INTO readings_rollup_hourly (series_id, bucket, min_value, max_value, sum_value,
                                        reading_count)
    SELECT s.id, h.bucket, v.value, v.value, v.value * 12, 12
    FROM series s
    CROSS JOIN generate_series(date_trunc('hour', now()) - interval '366 days',
                               date_trunc('hour', now()), interval '1 hour') h(bucket)
    CROSS JOIN LATERAL (
      SELECT 5 - 10 * cos(2 * pi() * extract(epoch FROM h.bucket) / 31557600)
               + 3 * sin(2 * pi() * extract(epoch FROM h.bucket) / 86400) AS outdoor
    ) o
    CROSS JOIN LATERAL (
      SELECT CASE s.sensor_id
               WHEN 'outdoor_temp' THEN o.outdoor
               WHEN 'vorlauf_temp_hk1' THEN least(75, greatest(25, 35 + 1.5 * (20 - o.outdoor)))
               WHEN 'ruecklauf_temp_hk1' THEN least(75, greatest(25, 35 + 1.5 * (20 - o.outdoor))) - 12
               WHEN 'indoor_temp' THEN 21 + 0.5 * sin(2 * pi() * extract(epoch FROM h.bucket) / 86400)
               ELSE greatest(0, 0.8 * (20 - o.outdoor)) END AS value
    ) v
    WHERE s.building_id = 'bench-year'
    ON CONFLICT (series_id, bucket) DO NOTHING
    """,
  };

  private BuildingYearFixture() {}

  static synchronized void register(RunningPostgres postgres) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      for (String sql : SQL) {
        s.execute(sql);
      }
      c.commit();
    }
  }
}
