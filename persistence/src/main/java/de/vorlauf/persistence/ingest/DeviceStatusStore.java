package de.vorlauf.persistence.ingest;

import de.vorlauf.domain.ingest.DeviceLiveness;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SQL of {@code device_status}: one upsert per device per flush, the offline sweep, reads. */
public final class DeviceStatusStore {

  // locked in id order, like the upsert below: concurrent workers never deadlock on devices
  private static final String LOCK_EXISTING =
      """
      SELECT device_id, online, streak, last_seen, state_changed_at FROM device_status
      WHERE device_id = ANY (?::text[]) ORDER BY device_id FOR UPDATE
      """;

  private static final String UPSERT =
      """
      INSERT INTO device_status AS d (device_id, building_id, first_seen, last_seen,
          last_reading_time, message_count, reading_count, quarantined_count, online, streak,
          state_changed_at)
      SELECT u.* FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[],
          ?::timestamptz[], ?::bigint[], ?::bigint[], ?::bigint[], ?::boolean[], ?::int[],
          ?::timestamptz[]) AS u(device_id, building_id, first_seen, last_seen,
          last_reading_time, message_count, reading_count, quarantined_count, online, streak,
          state_changed_at)
      -- a device deleted since its messages arrived is skipped, not a flush failing forever
      WHERE EXISTS (SELECT 1 FROM devices v WHERE v.id = u.device_id)
      ORDER BY 1
      ON CONFLICT (device_id) DO UPDATE SET
          building_id = excluded.building_id,
          last_seen = greatest(d.last_seen, excluded.last_seen),
          last_reading_time = greatest(d.last_reading_time, excluded.last_reading_time),
          message_count = d.message_count + excluded.message_count,
          reading_count = d.reading_count + excluded.reading_count,
          quarantined_count = d.quarantined_count + excluded.quarantined_count,
          online = excluded.online,
          streak = excluded.streak,
          state_changed_at = excluded.state_changed_at
      """;

  // the latest report wins, whichever worker flushes first; a deleted device is skipped
  private static final String UPSERT_METADATA =
      """
      INSERT INTO device_metadata AS m (device_id, firmware_version, signal_strength, reported_at)
      SELECT u.* FROM unnest(?::text[], ?::text[], ?::int[], ?::timestamptz[])
          AS u(device_id, firmware_version, signal_strength, reported_at)
      WHERE EXISTS (SELECT 1 FROM devices v WHERE v.id = u.device_id)
      ORDER BY 1
      ON CONFLICT (device_id) DO UPDATE SET
          firmware_version = excluded.firmware_version,
          signal_strength = excluded.signal_strength,
          reported_at = excluded.reported_at
      WHERE m.reported_at <= excluded.reported_at
      """;

  private static final String SWEEP =
      """
      UPDATE device_status
      SET online = false, streak = 0, state_changed_at = last_seen + ?::interval
      WHERE online AND last_seen < ?
      """;

  private static final String LIST =
      """
      SELECT device_id, building_id, first_seen, last_seen, last_reading_time, message_count,
             reading_count, quarantined_count, online, streak, state_changed_at
      FROM device_status
      WHERE (?::text IS NULL OR building_id = ?)
      ORDER BY device_id
      """;

  /** A device's status as stored; {@code online} already accounts for a sweep not yet run. */
  public record DeviceStatus(
      String deviceId,
      String buildingId,
      Instant firstSeen,
      Instant lastSeen,
      Instant lastReadingTime,
      long messageCount,
      long readingCount,
      long quarantinedCount,
      boolean online,
      Instant stateChangedAt) {}

  private final DeviceLiveness liveness;

  public DeviceStatusStore(DeviceLiveness liveness) {
    this.liveness = liveness;
  }

  /** Applies the activities (one per device) in the caller's transaction. */
  public void apply(Connection connection, List<DeviceActivity> activities) throws SQLException {
    List<DeviceActivity> sorted =
        activities.stream()
            .sorted(java.util.Comparator.comparing(DeviceActivity::deviceId))
            .toList();
    Map<String, DeviceLiveness.State> previous = lockExisting(connection, sorted);
    int n = sorted.size();
    String[] id = new String[n];
    String[] building = new String[n];
    Timestamp[] first = new Timestamp[n];
    Timestamp[] last = new Timestamp[n];
    Timestamp[] newest = new Timestamp[n];
    Long[] messages = new Long[n];
    Long[] readings = new Long[n];
    Long[] quarantined = new Long[n];
    Boolean[] online = new Boolean[n];
    Integer[] streak = new Integer[n];
    Timestamp[] changed = new Timestamp[n];
    for (int i = 0; i < n; i++) {
      DeviceActivity a = sorted.get(i);
      DeviceLiveness.State state =
          liveness.onMessages(
              previous.get(a.deviceId()), a.firstArrival(), a.lastArrival(), a.messages());
      id[i] = a.deviceId();
      building[i] = a.buildingId();
      first[i] = Timestamp.from(a.firstArrival());
      last[i] = Timestamp.from(state.lastSeen());
      newest[i] = a.newestReading() == null ? null : Timestamp.from(a.newestReading());
      messages[i] = (long) a.messages();
      readings[i] = (long) a.readings();
      quarantined[i] = (long) a.quarantined();
      online[i] = state.online();
      streak[i] = state.streak();
      changed[i] = Timestamp.from(state.stateChangedAt());
    }
    try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
      statement.setArray(1, connection.createArrayOf("text", id));
      statement.setArray(2, connection.createArrayOf("text", building));
      statement.setArray(3, connection.createArrayOf("timestamptz", first));
      statement.setArray(4, connection.createArrayOf("timestamptz", last));
      statement.setArray(5, connection.createArrayOf("timestamptz", newest));
      statement.setArray(6, connection.createArrayOf("int8", messages));
      statement.setArray(7, connection.createArrayOf("int8", readings));
      statement.setArray(8, connection.createArrayOf("int8", quarantined));
      statement.setArray(9, connection.createArrayOf("boolean", online));
      statement.setArray(10, connection.createArrayOf("int4", streak));
      statement.setArray(11, connection.createArrayOf("timestamptz", changed));
      statement.executeUpdate();
    }
    applyMetadata(connection, sorted);
  }

  private static void applyMetadata(Connection connection, List<DeviceActivity> sorted)
      throws SQLException {
    List<DeviceActivity> reported = sorted.stream().filter(a -> a.metadata() != null).toList();
    if (reported.isEmpty()) {
      return;
    }
    int n = reported.size();
    String[] id = new String[n];
    String[] firmware = new String[n];
    Integer[] signal = new Integer[n];
    Timestamp[] at = new Timestamp[n];
    for (int i = 0; i < n; i++) {
      DeviceActivity a = reported.get(i);
      id[i] = a.deviceId();
      firmware[i] = a.metadata().firmwareVersion();
      signal[i] = a.metadata().signalStrength();
      at[i] = Timestamp.from(a.metadataAt());
    }
    try (PreparedStatement statement = connection.prepareStatement(UPSERT_METADATA)) {
      statement.setArray(1, connection.createArrayOf("text", id));
      statement.setArray(2, connection.createArrayOf("text", firmware));
      statement.setArray(3, connection.createArrayOf("int4", signal));
      statement.setArray(4, connection.createArrayOf("timestamptz", at));
      statement.executeUpdate();
    }
  }

  private static Map<String, DeviceLiveness.State> lockExisting(
      Connection connection, List<DeviceActivity> activities) throws SQLException {
    Map<String, DeviceLiveness.State> states = new HashMap<>();
    String[] ids = activities.stream().map(DeviceActivity::deviceId).toArray(String[]::new);
    try (PreparedStatement statement = connection.prepareStatement(LOCK_EXISTING)) {
      statement.setArray(1, connection.createArrayOf("text", ids));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          states.put(
              rs.getString(1),
              new DeviceLiveness.State(
                  rs.getBoolean(2),
                  rs.getInt(3),
                  rs.getTimestamp(4).toInstant(),
                  rs.getTimestamp(5).toInstant()));
        }
      }
    }
    return states;
  }

  /** Marks devices offline that sent nothing for the offline time; returns how many. */
  public int sweep(Connection connection, Instant now) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(SWEEP)) {
      statement.setString(1, liveness.offlineAfter().toSeconds() + " seconds");
      statement.setTimestamp(2, Timestamp.from(now.minus(liveness.offlineAfter())));
      return statement.executeUpdate();
    }
  }

  /** Status of every device that ever sent something, optionally of one building. */
  public List<DeviceStatus> list(Connection connection, String buildingId, Instant now)
      throws SQLException {
    List<DeviceStatus> result = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(LIST)) {
      statement.setString(1, buildingId);
      statement.setString(2, buildingId);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          Instant lastSeen = rs.getTimestamp(4).toInstant();
          Timestamp newest = rs.getTimestamp(5);
          DeviceLiveness.State state =
              new DeviceLiveness.State(
                  rs.getBoolean(9), rs.getInt(10), lastSeen, rs.getTimestamp(11).toInstant());
          result.add(
              new DeviceStatus(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getTimestamp(3).toInstant(),
                  lastSeen,
                  newest == null ? null : newest.toInstant(),
                  rs.getLong(6),
                  rs.getLong(7),
                  rs.getLong(8),
                  liveness.onlineAt(state, now),
                  state.stateChangedAt()));
        }
      }
    }
    return result;
  }
}
