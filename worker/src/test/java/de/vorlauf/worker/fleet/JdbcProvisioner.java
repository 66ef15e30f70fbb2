package de.vorlauf.worker.fleet;

import de.vorlauf.domain.broker.MosquittoPasswordHash;
import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.heating.NightSetback;
import de.vorlauf.persistence.registry.DeviceToken;
import de.vorlauf.simulator.provision.BuildingDefinition;
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
import java.util.List;
import javax.sql.DataSource;

/**
 * The simulator's provisioning without WildFly: the same rows the admin API writes (registry
 * tables, credentials hashed as the API hashes them), written with JDBC because the worker has no
 * JPA.
 */
record JdbcProvisioner(DataSource dataSource) implements Provisioner {

  @Override
  public RegisteredBuilding ensureBuilding(BuildingDefinition b) {
    BuildingConfig c = b.config();
    update(
        """
        INSERT INTO buildings (id, name, time_zone, heating_type, area_m2, year_built,
            heating_circuits, has_dhw, comfort_temp_min, comfort_temp_max, night_setback_enabled,
            night_setback_start, night_setback_end, night_setback_reduction, curve_base_temp,
            curve_slope, flow_temp_min, flow_temp_max)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
        """,
        c.buildingId(),
        b.name(),
        c.timeZone().getId(),
        c.heatingType().code(),
        c.areaM2(),
        c.yearBuilt(),
        c.heatingCircuits(),
        c.hasDhw(),
        c.comfortTempMin(),
        c.comfortTempMax(),
        c.nightSetback().enabled(),
        c.nightSetback().startHour(),
        c.nightSetback().endHour(),
        c.nightSetback().roomReductionK(),
        c.curve().baseC(),
        c.curve().slope(),
        c.curve().minFlowC(),
        c.curve().maxFlowC());
    return readBuildings(List.of(c.buildingId())).get(0);
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
    update(
        """
        INSERT INTO devices (id, building_id, description, gateway_id) VALUES (?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET building_id = excluded.building_id,
            gateway_id = excluded.gateway_id, active = true
        """,
        deviceId,
        buildingId,
        description,
        gatewayId);
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

  private void update(String sql, Object... values) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
