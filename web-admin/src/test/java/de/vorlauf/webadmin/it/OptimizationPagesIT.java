package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import java.net.URL;
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
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The optimisation pages (issue 23) on rows inserted as their writers would (V150 results and
 * predictions, V160 setpoint commands, V161 portfolio runs): the building page's history through
 * its REST answer and in the browser (charts, results with a fallback, delivery states), the
 * portfolio page with a finished, a running and a stalled run and a run's problems, and the fleet's
 * optimisation filters; problem+json for bad ranges, origins, filters and unknown buildings or
 * runs.
 */
@SharedWar
@ExtendWith(ItBrowser.class)
@RunAsClient
class OptimizationPagesIT {

  final URL base = ItWar.base();

  @Test
  void theBuildingPageShowsRecommendedAgainstBaselinePredictedAgainstMeasuredAndDeliveries(
      UiSession ui, RunningPostgres postgres) throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String building = register(admin, "opt");
    String device = building + "-gb";
    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
    Instant h3 = hour.minus(Duration.ofHours(3));
    Instant h2 = hour.minus(Duration.ofHours(2));
    Instant h1 = hour.minus(Duration.ofHours(1));
    Map<Instant, String> commands = new LinkedHashMap<>();
    try (Connection c = connect(postgres)) {
      int series =
          insertReturning(
              c,
              "INSERT INTO series (building_id, device_id, sensor_id, unit)"
                  + " VALUES (?, ?, 'heat_power', 'kW') RETURNING id",
              building,
              device);
      execute(
          c,
          "INSERT INTO readings_rollup_hourly (series_id, bucket, min_value, max_value, sum_value,"
              + " reading_count) VALUES (?, ?, 9, 10, 19, 2), (?, ?, 11, 12, 23, 2)",
          series,
          h3,
          series,
          h2);
      double kw = 10;
      for (Instant asOf : List.of(h3, h2, h1)) {
        long prediction =
            insertReturning(
                c,
                """
                INSERT INTO demand_predictions (building_id, model, version, as_of, issued_at,
                    target_hour, predicted_kw, uncertainty_kw, origin)
                VALUES (?, 'heat-demand', 3, ?, ?, ?, ?, 0.8, 'hourly') RETURNING id
                """,
                building,
                asOf,
                asOf,
                asOf,
                kw++);
        boolean fallback = asOf.equals(h1);
        String command = UUID.randomUUID().toString();
        commands.put(asOf, command);
        execute(
            c,
            """
            INSERT INTO optimization_results (building_id, as_of, origin, recommended_flow_c,
                recommended_room_c, send_room_setpoint, baseline_flow_c, predicted_savings_pct,
                confidence, valid_until, fallback, fallback_reason, model, model_version,
                prediction_id, published_command_id, published_at)
            VALUES (?, ?, 'hourly', ?, 21, false, 48, ?, 0.9, ?, ?, ?, 'heat-demand', 3, ?, ?, ?)
            """,
            building,
            asOf,
            fallback ? 48.0 : 42.0,
            fallback ? 0.0 : 6.5,
            asOf.plus(Duration.ofHours(2)),
            fallback ? "NO_ROOM_MEASUREMENT" : null,
            fallback ? "no room temperature in the last 24 h" : null,
            prediction,
            command,
            asOf.plusSeconds(5));
      }
      execute(
          c,
          """
          INSERT INTO optimization_results (building_id, as_of, origin, recommended_flow_c,
              recommended_room_c, send_room_setpoint, predicted_savings_pct, confidence, valid_until)
          VALUES (?, ?, 'closed-loop', 39, 21, false, 3, 0.5, ?)
          """,
          building,
          h2,
          h2.plus(Duration.ofHours(2)));
      command(c, commands.get(h3), building, device, h3, "hourly", "APPLIED", null, 1, 41.5);
      command(
          c, commands.get(h2), building, device, h2, "hourly", "REJECTED", "above limit", 1, null);
      command(c, commands.get(h1), building, device, h1, "hourly", "EXPIRED", "no ack", 4, null);
      command(c, "cl-" + building, building, device, h2, "closed-loop", "SENT", null, 2, null);
    }

    // REST: the hourly origin by default, the closed-loop command among the setpoints
    Reply reply = admin.get("api/v1/buildings/" + building + "/optimization");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode h = reply.json();
    assertThat(h.get("origin").asText()).isEqualTo("hourly");
    assertThat(texts(h.get("origins"))).containsExactly("closed-loop", "hourly");
    assertThat(
            Duration.between(
                Instant.parse(h.get("from").asText()), Instant.parse(h.get("to").asText())))
        .isEqualTo(Duration.ofHours(48));
    JsonNode results = h.get("results");
    assertThat(results).hasSize(3);
    assertThat(results.get(0).get("recommendedFlowC").asDouble()).isEqualTo(42.0);
    assertThat(results.get(0).get("baselineFlowC").asDouble()).isEqualTo(48.0);
    assertThat(results.get(2).get("fallback").asText()).isEqualTo("NO_ROOM_MEASUREMENT");
    assertThat(h.get("fallbacks").get("NO_ROOM_MEASUREMENT").asLong()).isEqualTo(1);
    JsonNode heat = h.get("heat");
    assertThat(heat).hasSize(3);
    assertThat(heat.get(0).get("predictedKw").asDouble()).isEqualTo(10.0);
    assertThat(heat.get(0).get("actualKw").asDouble()).isCloseTo(9.5, within(1e-9));
    assertThat(heat.get(0).get("actualSource").asText()).isEqualTo("meter");
    assertThat(heat.get(1).get("actualKw").asDouble()).isCloseTo(11.5, within(1e-9));
    assertThat(heat.get(2).path("actualKw").isNumber()).isFalse();
    List<String> states = new ArrayList<>();
    h.get("setpoints").forEach(s -> states.add(s.get("state").asText()));
    assertThat(states).containsExactlyInAnyOrder("APPLIED", "REJECTED", "SENT", "EXPIRED");
    assertThat(h.get("deliveries").get("REJECTED").asLong()).isEqualTo(1);
    JsonNode closedLoop =
        admin.get("api/v1/buildings/" + building + "/optimization?origin=closed-loop").json();
    assertThat(closedLoop.get("results")).hasSize(1);
    assertThat(closedLoop.get("heat")).isEmpty();

    // refusals: problem+json at the field, 404 for an unknown building
    String now = Instant.now().toString();
    String weekAgo = Instant.now().minus(Duration.ofDays(40)).toString();
    assertProblem(admin, building, "?from=" + now + "&to=" + weekAgo, 400, "from");
    assertProblem(admin, building, "?from=" + weekAgo + "&to=" + now, 400, "to");
    assertProblem(admin, building, "?from=yesterday", 400, "from");
    assertProblem(admin, building, "?origin=Not%20An%20Origin", 400, "origin");
    assertProblem(admin, "no-such-building-" + building, "", 404, null);

    // the fleet's filters: the newest result is a fallback, the newest command expired
    assertThat(fleet(admin, building, "fallback")).containsExactly(building);
    assertThat(fleet(admin, building, "expired")).containsExactly(building);
    assertThat(fleet(admin, building, "rejected")).isEmpty();
    JsonNode row = admin.get("api/v1/ops/fleet?q=" + building).json().get("items").get(0);
    assertThat(row.get("optimization").get("result").get("fallback").asText())
        .isEqualTo("NO_ROOM_MEASUREMENT");
    assertThat(row.get("optimization").get("delivery").get("state").asText()).isEqualTo("EXPIRED");
    assertThat(admin.get("api/v1/ops/fleet?optimization=broken").status()).isEqualTo(400);

    // the page: charts, results, fallbacks, every delivery state
    ui.open("buildings/" + building, "buildings-detail");
    history(ui, "[data-results='3'][data-setpoints='4']");
    assertThat(ui.browser.findElements(By.cssSelector("[data-testid=optimization-result-row]")))
        .hasSize(3);
    assertThat(
            ui.rowOf("optimization-result-row", "data-fallback", "NO_ROOM_MEASUREMENT").getText())
        .contains("no room temperature");
    assertThat(ui.byTestId("optimization-fallbacks").getText()).contains("NO_ROOM_MEASUREMENT");
    for (Map.Entry<String, String> expected :
        Map.of(
                commands.get(h3),
                "applied",
                commands.get(h2),
                "rejected",
                commands.get(h1),
                "expired",
                "cl-" + building,
                "sent")
            .entrySet()) {
      WebElement setpoint =
          ui.rowOf("optimization-setpoint-row", "data-command-id", expected.getKey());
      assertThat(setpoint.getAttribute("data-state")).isEqualTo(expected.getValue());
      assertThat(
              setpoint
                  .findElement(By.cssSelector("[data-testid=optimization-setpoint-state]"))
                  .getText())
          .isEqualTo(expected.getValue());
    }
    assertThat(ui.rowOf("optimization-setpoint-row", "data-state", "rejected").getText())
        .contains("above limit");
    assertThat(ui.rowOf("optimization-setpoint-row", "data-state", "applied").getText())
        .contains("41.5 °C");
    for (String chart : List.of("optimization-chart-flow", "optimization-chart-heat")) {
      assertThat(ui.byTestId(chart).findElements(By.cssSelector("canvas"))).isNotEmpty();
    }
    assertThat(ui.byTestId("optimization-chart-heat-summary").getText())
        .contains("Predicted 10.0 to 12.0 kW");
    ui.script("arguments[0].scrollIntoView()", ui.byTestId("optimization-chart-flow"));
    ui.screenshot("building-page-optimisation");
    assertThat(ui.failingAxeViolations("the building page's optimisation history")).isEmpty();

    new Select(ui.byTestId("optimization-origin")).selectByValue("closed-loop");
    history(ui, "[data-origin='closed-loop'][data-results='1']");
    assertThat(ui.browser.getCurrentUrl()).contains("origin=closed-loop");

    // the fleet page: the filter in the URL, the row's newest result and delivery
    ui.open("fleet?q=" + building + "&optimization=expired", "fleet");
    WebElement fleetRow = ui.rowOf("fleet-building-row", "data-building-id", building);
    assertThat(
            fleetRow
                .findElement(By.cssSelector("[data-testid=fleet-building-optimization]"))
                .getAttribute("data-fallback"))
        .isEqualTo("NO_ROOM_MEASUREMENT");
    assertThat(
            fleetRow
                .findElement(By.cssSelector("[data-testid=fleet-building-delivery]"))
                .getAttribute("data-state"))
        .isEqualTo("expired");
    assertThat(
            new Select(ui.byTestId("fleet-buildings-filter-optimization"))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("expired");
  }

  @Test
  void thePortfolioPageShowsRunsWithProgressAStalledRunAndARunsProblems(
      UiSession ui, RunningPostgres postgres) throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String building = register(admin, "pf");
    String tag = building.substring(3);
    Instant now = Instant.now();
    long finished;
    long stalled;
    long running;
    try (Connection c = connect(postgres)) {
      finished =
          run(c, "pf-done-" + tag, now.minus(Duration.ofMinutes(10)), "COMPLETED", 3, 1, 1, 0, 1);
      execute(
          c,
          "UPDATE portfolio_runs SET finished_at = ?, updated_at = ?,"
              + " fallback_reasons = '{\"NO_ROOM_MEASUREMENT\": 1}' WHERE id = ?",
          now.minus(Duration.ofMinutes(9)),
          now.minus(Duration.ofMinutes(9)),
          finished);
      execute(
          c,
          """
          INSERT INTO portfolio_run_buildings (portfolio_run, building_id, status, reason,
              attempts, retryable, recorded_at)
          VALUES (?, ?, 'FAILED', 'model session failed: boom', 3, true, ?),
                 (?, ?, 'SKIPPED', 'unknown building', 1, false, ?)
          """,
          finished,
          building,
          now.minus(Duration.ofMinutes(9)),
          finished,
          "ghost-" + tag,
          now.minus(Duration.ofMinutes(9)));
      stalled =
          run(c, "pf-stuck-" + tag, now.minus(Duration.ofHours(2)), "RUNNING", 100, 40, 0, 0, 0);
      execute(
          c,
          "UPDATE portfolio_runs SET updated_at = ? WHERE id = ?",
          now.minus(Duration.ofHours(1)),
          stalled);
      running =
          run(c, "pf-now-" + tag, now.minus(Duration.ofSeconds(30)), "RUNNING", 10, 2, 1, 0, 0);
    }

    JsonNode page = admin.get("api/v1/portfolio/runs?size=500").json();
    List<Long> order = new ArrayList<>();
    Map<Long, JsonNode> byId = new LinkedHashMap<>();
    page.get("items")
        .forEach(
            r -> {
              order.add(r.get("id").asLong());
              byId.put(r.get("id").asLong(), r);
            });
    assertThat(order).containsSubsequence(running, finished, stalled);
    assertThat(byId.get(stalled).get("stalled").asBoolean()).isTrue();
    assertThat(byId.get(running).get("stalled").asBoolean()).isFalse();
    assertThat(byId.get(running).get("handled").asInt()).isEqualTo(3);
    JsonNode done = byId.get(finished);
    assertThat(done.get("handled").asInt()).isEqualTo(3);
    assertThat(done.get("durationSeconds").asLong()).isBetween(59L, 61L);
    assertThat(done.get("fallbackReasons").get("NO_ROOM_MEASUREMENT").asLong()).isEqualTo(1);
    JsonNode problems = admin.get("api/v1/portfolio/runs/" + finished + "/buildings").json();
    assertThat(problems.get("total").asLong()).isEqualTo(2);
    JsonNode failed =
        admin.get("api/v1/portfolio/runs/" + finished + "/buildings?status=failed").json();
    assertThat(failed.get("items")).hasSize(1);
    assertThat(failed.get("items").get(0).get("buildingId").asText()).isEqualTo(building);
    assertThat(failed.get("items").get(0).get("attempts").asInt()).isEqualTo(3);
    Reply badStatus = admin.get("api/v1/portfolio/runs/" + finished + "/buildings?status=done");
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(badStatus.contentType()).startsWith("application/problem+json");
    Reply unknown = admin.get("api/v1/portfolio/runs/" + (running + 1000));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    // FAILED in the latest finished run: the fleet's filter
    assertThat(fleet(admin, building, "failed")).containsExactly(building);
    JsonNode row = admin.get("api/v1/ops/fleet?q=" + building).json().get("items").get(0);
    assertThat(row.get("optimization").get("lastRun").get("status").asText()).isEqualTo("FAILED");

    ui.open("portfolio", "portfolio");
    WebElement stuck = ui.rowOf("portfolio-run-row", "data-run-id", String.valueOf(stalled));
    assertThat(stuck.getAttribute("data-state")).isEqualTo("stalled");
    assertThat(stuck.getText()).contains("no progress since");
    assertThat(
            ui.rowOf("portfolio-run-row", "data-run-id", String.valueOf(running))
                .getAttribute("data-state"))
        .isEqualTo("running");
    WebElement completed = ui.rowOf("portfolio-run-row", "data-run-id", String.valueOf(finished));
    assertThat(
            completed
                .findElement(By.cssSelector("[data-testid=portfolio-run-progress]"))
                .getAttribute("aria-valuenow"))
        .isEqualTo("3");
    assertThat(completed.getText()).contains("NO_ROOM_MEASUREMENT: 1");
    completed.findElement(By.cssSelector("[data-testid=portfolio-run-open]")).click();
    WebElement problem = ui.rowOf("portfolio-problem-row", "data-building-id", building);
    assertThat(problem.getAttribute("data-status")).isEqualTo("failed");
    assertThat(problem.getText()).contains("model session failed: boom", "3", "yes");
    assertThat(ui.rowOf("portfolio-problem-row", "data-building-id", "ghost-" + tag).getText())
        .contains("unknown building")
        .doesNotContain("invalid configuration");
    ui.screenshot("portfolio-run");
    assertThat(ui.failingAxeViolations("the portfolio page with a run's problems")).isEmpty();
    problem.findElement(By.cssSelector("[data-testid=portfolio-problem-building]")).click();
    ui.awaitData("buildings-detail");
    assertThat(ui.browser.getCurrentUrl()).contains("/buildings/" + building);
  }

  /** The history's box once it holds what {@code attributes} say (an empty div: never visible). */
  private static void history(UiSession ui, String attributes) {
    ui.wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[data-testid=optimization-history]" + attributes)));
  }

  private static String register(AdminClient admin, String prefix) throws Exception {
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

  private static List<String> fleet(AdminClient admin, String building, String filter)
      throws Exception {
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

  private void assertProblem(
      AdminClient admin, String building, String query, int status, String field) throws Exception {
    Reply reply = admin.get("api/v1/buildings/" + building + "/optimization" + query);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    if (field != null) {
      assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
    }
  }

  private static void command(
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

  private static long run(
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

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(t -> texts.add(t.asText()));
    return texts;
  }

  private static Connection connect(RunningPostgres postgres) throws SQLException {
    return DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
  }

  private static void execute(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, args)) {
      s.executeUpdate();
    }
  }

  private static int insertReturning(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, args);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      s.setObject(i + 1, a instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : a);
    }
    return s;
  }
}
