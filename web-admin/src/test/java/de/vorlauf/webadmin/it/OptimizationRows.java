package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rows of the optimisation tables written in SQL as their writers would (V150 results and
 * predictions by the optimisation, V160 setpoint commands by the delivery, V161 portfolio runs by
 * the portfolio workflow), a building registered through the API, and the fleet's answer under an
 * optimisation filter: for {@link BuildingOptimizationIT} and {@link PortfolioPageIT}.
 */
final class OptimizationRows {

  private OptimizationRows() {}

  static String register(AdminClient admin, String prefix) throws Exception {
    String building = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", building);
    body.put("name", "Optimiert " + building);
    body.put("timeZone", "Europe/Berlin");
    body.put("heatingType", "gas");
    assertThat(admin.post("api/v1/buildings", body).status()).isEqualTo(201);
    assertThat(
            admin
                .post("api/v1/devices", Map.of("id", building + "-gb", "buildingId", building))
                .status())
        .isEqualTo(201);
    return building;
  }

  static List<String> fleet(AdminClient admin, String building, String filter) throws Exception {
    Reply reply =
        admin.get(
            "api/v1/ops/fleet?q="
                + URLEncoder.encode(building, StandardCharsets.UTF_8)
                + "&optimization="
                + filter);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    reply.json().get("items").forEach(b -> ids.add(b.get("buildingId").asText()));
    return ids;
  }

  static void command(
      Connection c,
      String id,
      String building,
      String device,
      Instant asOf,
      String origin,
      String state,
      String reason,
      int attempts,
      Double applied)
      throws SQLException {
    boolean settled = !state.equals("SENT") && !state.equals("QUEUED");
    execute(
        c,
        """
        INSERT INTO setpoint_commands (command_id, building_id, device_id, circuit, as_of, origin,
            flow_temp_setpoint, issued_at, valid_until, payload, state, attempts, queued_at,
            first_sent_at, last_sent_at, next_attempt_at, settled_at, reason, applied_value,
            applied_at)
        VALUES (?, ?, ?, 1, ?, ?, 42, ?, ?, convert_to('{}', 'UTF8'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        id,
        building,
        device,
        asOf,
        origin,
        asOf,
        asOf.plus(Duration.ofHours(2)),
        state,
        attempts,
        asOf,
        asOf.plusSeconds(1),
        asOf.plusSeconds(60L * attempts),
        settled ? null : asOf.plusSeconds(600),
        settled ? asOf.plusSeconds(90) : null,
        reason,
        applied,
        applied == null ? null : asOf.plusSeconds(90));
  }

  static long run(
      Connection c,
      String workflowId,
      Instant started,
      String state,
      int total,
      int done,
      int fallback,
      int skipped,
      int failed)
      throws SQLException {
    return insertReturning(
        c,
        """
        INSERT INTO portfolio_runs (workflow_id, run_id, as_of, origin, state, buildings_total,
            done, fallback, skipped, failed, started_at, updated_at, finished_at)
        VALUES (?, 'r1', ?, 'hourly', ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
        """,
        workflowId,
        started.truncatedTo(ChronoUnit.HOURS),
        state,
        total,
        done,
        fallback,
        skipped,
        failed,
        started,
        started,
        state.equals("RUNNING") ? null : started.plusSeconds(60));
  }

  static Connection connect(RunningPostgres postgres) throws SQLException {
    return DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
  }

  static void execute(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, args)) {
      s.executeUpdate();
    }
  }

  static int insertReturning(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, args);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      s.setObject(i + 1, a instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : a);
    }
    return s;
  }
}
