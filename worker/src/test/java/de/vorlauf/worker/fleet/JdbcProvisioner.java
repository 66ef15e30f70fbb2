package de.vorlauf.worker.fleet;

import de.vorlauf.domain.broker.MosquittoPasswordHash;
import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.heating.NightSetback;
import de.vorlauf.persistence.registry.DeviceToken;
import de.vorlauf.simulator.provision.BuildingDefinition;
import de.vorlauf.simulator.provision.FleetProvisioning;
import de.vorlauf.simulator.provision.Principal;
import de.vorlauf.simulator.provision.Provisioner;
import de.vorlauf.simulator.provision.RegisteredBuilding;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The simulator's provisioning without WildFly: the same rows the admin API writes (registry
 * tables, credentials hashed as the API hashes them), written with JDBC because the worker has no
 * JPA.
 */
record JdbcProvisioner(DataSource dataSource) implements Provisioner {

  private static final String INSERT_BUILDING =
      """
      INSERT INTO buildings (id, name, time_zone, heating_type, area_m2, year_built,
          heating_circuits, has_dhw, comfort_temp_min, comfort_temp_max, night_setback_enabled,
          night_setback_start, night_setback_end, night_setback_reduction, curve_base_temp,
          curve_slope, flow_temp_min, flow_temp_max)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
      """;

  private static final String UPSERT_DEVICE =
      """
      INSERT INTO devices (id, building_id, description, gateway_id) VALUES (?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET building_id = excluded.building_id,
          gateway_id = excluded.gateway_id, active = true
      """;

  @Override
  public RegisteredBuilding ensureBuilding(BuildingDefinition b) {
    return ensureBuildings(List.of(b)).get(0);
  }

  /**
   * One read, one batch of inserts for the missing ones and one read back (the fleet ITs provision
   * 1,000 buildings, twice). Existing buildings are not sent again: the time zone trigger of every
   * insert, also one that conflicts, scans {@code pg_timezone_names} (tens of milliseconds each).
   */
  @Override
  public List<RegisteredBuilding> ensureBuildings(List<BuildingDefinition> buildings) {
    Map<String, RegisteredBuilding> read = new HashMap<>();
    readBuildings(buildings.stream().map(BuildingDefinition::id).toList())
        .forEach(r -> read.put(r.id(), r));
    List<BuildingDefinition> missing =
        buildings.stream().filter(b -> !read.containsKey(b.id())).toList();
    if (missing.isEmpty()) {
      return buildings.stream().map(b -> read.get(b.id())).toList();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(INSERT_BUILDING)) {
      for (BuildingDefinition b : missing) {
        BuildingConfig config = b.config();
        bind(
            s,
            config.buildingId(),
            b.name(),
            config.timeZone().getId(),
            config.heatingType().code(),
            config.areaM2(),
            config.yearBuilt(),
            config.heatingCircuits(),
            config.hasDhw(),
            config.comfortTempMin(),
            config.comfortTempMax(),
            config.nightSetback().enabled(),
            config.nightSetback().startHour(),
            config.nightSetback().endHour(),
            config.nightSetback().roomReductionK(),
            config.curve().baseC(),
            config.curve().slope(),
            config.curve().minFlowC(),
            config.curve().maxFlowC());
        s.addBatch();
      }
      s.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    readBuildings(missing.stream().map(BuildingDefinition::id).toList())
        .forEach(r -> read.put(r.id(), r));
    return buildings.stream().map(b -> read.get(b.id())).toList();
  }

  @Override
  public List<RegisteredBuilding> readBuildings(Collection<String> ids) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                """
                SELECT id, heating_type, time_zone, area_m2, year_built, heating_circuits, has_dhw,
                       comfort_temp_min, comfort_temp_max, night_setback_enabled,
                       night_setback_start, night_setback_end, night_setback_reduction,
                       curve_base_temp, curve_slope, flow_temp_min, flow_temp_max, updated_at
                  FROM buildings WHERE id = ANY (?)
                """)) {
      s.setArray(1, c.createArrayOf("text", ids.toArray()));
      List<RegisteredBuilding> found = new ArrayList<>();
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          found.add(
              new RegisteredBuilding(
                  new BuildingConfig(
                      rows.getString(1),
                      HeatingType.fromCode(rows.getString(2)).orElseThrow(),
                      ZoneId.of(rows.getString(3)),
                      rows.getObject(4, Double.class),
                      rows.getObject(5, Integer.class),
                      rows.getInt(6),
                      rows.getBoolean(7),
                      rows.getDouble(8),
                      rows.getDouble(9),
                      new NightSetback(
                          rows.getBoolean(10),
                          rows.getInt(11),
                          rows.getInt(12),
                          rows.getDouble(13)),
                      new HeatingCurve(
                          rows.getDouble(14),
                          rows.getDouble(15),
                          rows.getDouble(16),
                          rows.getDouble(17))),
                  rows.getTimestamp(18).toInstant()));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void ensureGateway(String gatewayId, String description) {
    update(
        "INSERT INTO gateways (id, description) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
        gatewayId,
        description);
  }

  @Override
  public void ensureDevice(
      String deviceId, String buildingId, String gatewayId, String description) {
    ensureDevices(
        List.of(new FleetProvisioning.Device(deviceId, buildingId, gatewayId, description)));
  }

  @Override
  public void ensureDevices(List<FleetProvisioning.Device> devices) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(UPSERT_DEVICE)) {
      for (FleetProvisioning.Device d : devices) {
        bind(s, d.id(), d.buildingId(), d.description(), d.gatewayId());
        s.addBatch();
      }
      s.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean credentialValid(Principal principal, String token) {
    String sql =
        """
        SELECT count(*) FROM %s_credentials WHERE %s_id = ? AND token_sha256 = ?
           AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
        """
            .formatted(table(principal), table(principal));
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, principal.id());
      s.setBytes(2, DeviceToken.sha256(token));
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getLong(1) > 0;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String issueCredential(Principal principal) {
    String table = table(principal);
    DeviceToken token = DeviceToken.generate();
    update(
        "UPDATE %s_credentials SET revoked_at = now(), revoked_by = 'fleet-it' WHERE %s_id = ? AND revoked_at IS NULL"
            .formatted(table, table),
        principal.id());
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                """
                INSERT INTO %s_credentials (%s_id, token_hint, token_sha256, mosquitto_hash, created_by)
                VALUES (?, ?, ?, ?, 'fleet-it')
                """
                    .formatted(table, table))) {
      s.setString(1, principal.id());
      s.setString(2, token.hint());
      s.setBytes(3, token.sha256());
      s.setString(4, MosquittoPasswordHash.hash(token.value()));
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return token.value();
  }

  private static String table(Principal principal) {
    return principal.kind() == Principal.Kind.GATEWAY ? "gateway" : "device";
  }

  private static void bind(PreparedStatement s, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      s.setObject(i + 1, values[i]);
    }
  }

  private void update(String sql, Object... values) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, values);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
