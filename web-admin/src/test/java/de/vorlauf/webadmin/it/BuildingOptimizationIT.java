package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import java.net.URL;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
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
 * The building page's optimisation history (issue 23) on rows inserted as their writers would:
 * through its REST answer (the hourly origin by default, another on request, measured heat from the
 * meter's rollup, every delivery state), its problem+json refusals, the fleet's optimisation
 * filters and columns, and in the browser (charts, results with a fallback, delivery states, axe).
 */
@SharedWar
@ExtendWith(ItBrowser.class)
@RunAsClient
class BuildingOptimizationIT {

  final URL base = ItWar.base();

  @Test
  void theBuildingPageShowsRecommendedAgainstBaselinePredictedAgainstMeasuredAndDeliveries(
      UiSession ui, RunningPostgres postgres) throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String building = OptimizationRows.register(admin, "opt");
    String device = building + "-gb";
    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
    Instant h3 = hour.minus(Duration.ofHours(3));
    Instant h2 = hour.minus(Duration.ofHours(2));
    Instant h1 = hour.minus(Duration.ofHours(1));
    Map<Instant, String> commands = new LinkedHashMap<>();
    try (Connection c = OptimizationRows.connect(postgres)) {
      int series =
          OptimizationRows.insertReturning(
              c,
              "INSERT INTO series (building_id, device_id, sensor_id, unit)"
                  + " VALUES (?, ?, 'heat_power', 'kW') RETURNING id",
              building,
              device);
      OptimizationRows.execute(
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
            OptimizationRows.insertReturning(
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
        OptimizationRows.execute(
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
      OptimizationRows.execute(
          c,
          """
          INSERT INTO optimization_results (building_id, as_of, origin, recommended_flow_c,
              recommended_room_c, send_room_setpoint, predicted_savings_pct, confidence, valid_until)
          VALUES (?, ?, 'closed-loop', 39, 21, false, 3, 0.5, ?)
          """,
          building,
          h2,
          h2.plus(Duration.ofHours(2)));
      OptimizationRows.command(
          c, commands.get(h3), building, device, h3, "hourly", "APPLIED", null, 1, 41.5);
      OptimizationRows.command(
          c, commands.get(h2), building, device, h2, "hourly", "REJECTED", "above limit", 1, null);
      OptimizationRows.command(
          c, commands.get(h1), building, device, h1, "hourly", "EXPIRED", "no ack", 4, null);
      OptimizationRows.command(
          c, "cl-" + building, building, device, h2, "closed-loop", "SENT", null, 2, null);
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
    assertThat(OptimizationRows.fleet(admin, building, "fallback")).containsExactly(building);
    assertThat(OptimizationRows.fleet(admin, building, "expired")).containsExactly(building);
    assertThat(OptimizationRows.fleet(admin, building, "rejected")).isEmpty();
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
    ui.script("arguments[0].scrollIntoView()", fleetRow);
    ui.screenshot("fleet-optimisation-filter");
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

  /** The history's box once it holds what {@code attributes} say (an empty div: never visible). */
  private static void history(UiSession ui, String attributes) {
    ui.wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[data-testid=optimization-history]" + attributes)));
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

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(t -> texts.add(t.asText()));
    return texts;
  }
}
