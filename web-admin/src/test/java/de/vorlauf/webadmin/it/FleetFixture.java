package de.vorlauf.webadmin.it;

import de.vorlauf.devstack.postgres.RunningPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * 10,000 registered buildings with one device each, in every state ops triage: most online, {@link
 * #OFFLINE} offline, {@link #STALE} stale (messages now, newest reading ten days old), {@link
 * #NEVER_SEEN} never seen, {@link #QUARANTINING} with messages quarantined an hour ago. Ids start
 * with {@value #PREFIX}, so tests that share the database can search for them. Written once per
 * database, directly in SQL (registering them through the API would take minutes).
 */
final class FleetFixture {

  static final String PREFIX = "scale-";
  static final int BUILDINGS = 10_000;
  static final int NEVER_SEEN = 5;
  static final int OFFLINE = 12;
  static final int STALE = 7;
  static final int QUARANTINING = 3;
  static final int PROBLEMS = NEVER_SEEN + OFFLINE + STALE + QUARANTINING;

  // building i has device scale-gb-i; 1..5 never seen, 6..17 offline, 18..24 stale, 25..27
  // quarantining, the rest online
  private static final String[] SQL = {
    "ALTER TABLE buildings DISABLE TRIGGER buildings_time_zone_valid",
    """
    INSERT INTO buildings (id, name, time_zone, heating_type)
    SELECT 'scale-' || lpad(i::text, 5, '0'), 'Haus ' || i, 'Europe/Berlin',
           (ARRAY['gas', 'fernwaerme', 'waermepumpe', 'hybrid'])[1 + i % 4]
    FROM generate_series(1, 10000) i
    """,
    // the zone above is a known one: the trigger would look it up 10,000 times
    "ALTER TABLE buildings ENABLE TRIGGER buildings_time_zone_valid",
    """
    INSERT INTO devices (id, building_id, description)
    SELECT 'scale-gb-' || lpad(i::text, 5, '0'), 'scale-' || lpad(i::text, 5, '0'), 'GreenBox'
    FROM generate_series(1, 10000) i
    """,
    """
    INSERT INTO quarantine (received_at, source, device_id, reason, detail, sensor_id, payload,
                            message_key, part)
    SELECT now() - interval '1 hour', 'mqtt', 'scale-gb-' || lpad(i::text, 5, '0'), 'out_of_range',
           'value 120.0 degC is outside [-60.0, 60.0] degC', 'outdoor_temp',
           '{"device_id": "scale-gb-' || lpad(i::text, 5, '0') || '", "timestamp": "'
               || to_char((now() - interval '1 hour') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
               || '", "readings": [{"sensor_id": "outdoor_temp", "value": 120.0, "unit": "degC"}]}',
           'scale-fixture-' || i, 1
    FROM generate_series(25, 27) i
    """,
  };

  // "online" means a message within the offline time: written anew at every registration, so a
  // fleet registered earlier in the same database is in the same states again
  private static final String[] STATUS = {
    "DELETE FROM device_status WHERE device_id LIKE 'scale-gb-%'",
    """
    INSERT INTO device_status (device_id, building_id, first_seen, last_seen, last_reading_time,
        message_count, reading_count, quarantined_count, online, streak, state_changed_at)
    SELECT 'scale-gb-' || lpad(i::text, 5, '0'), 'scale-' || lpad(i::text, 5, '0'),
           now() - interval '30 days',
           CASE WHEN i BETWEEN 6 AND 17 THEN now() - interval '2 hours' ELSE now() - interval '30 seconds' END,
           CASE WHEN i BETWEEN 18 AND 24 THEN now() - interval '10 days'
                WHEN i BETWEEN 6 AND 17 THEN now() - interval '2 hours'
                ELSE now() - interval '40 seconds' END,
           8640, 86400 + i, 0, NOT (i BETWEEN 6 AND 17), 2, now() - interval '30 days'
    FROM generate_series(6, 10000) i
    """,
  };

  private FleetFixture() {}

  /** Registers the fleet unless this database has it already, and sets its devices' states. */
  static synchronized void register(RunningPostgres postgres) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
        Statement s = c.createStatement()) {
      boolean registered;
      try (ResultSet rs =
          s.executeQuery("SELECT count(*) FROM buildings WHERE id LIKE 'scale-%'")) {
        rs.next();
        registered = rs.getLong(1) >= BUILDINGS;
      }
      c.setAutoCommit(false);
      for (String sql : registered ? new String[0] : SQL) {
        s.execute(sql);
      }
      for (String sql : STATUS) {
        s.execute(sql);
      }
      c.commit();
    }
  }
}
