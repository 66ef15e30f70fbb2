package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import java.net.URL;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The portfolio page (issue 23) with a finished, a running and a stalled run ("no progress since"),
 * inserted as the portfolio workflow writes them: the runs API newest first with progress and
 * duration, a run's failed and skipped buildings, problem+json refusals, the fleet's "failed in the
 * latest portfolio run" filter, and the page in the browser (axe) down to a building's page.
 */
@SharedWar
@ExtendWith(ItBrowser.class)
@RunAsClient
class PortfolioPageIT {

  final URL base = ItWar.base();

  @Test
  void thePortfolioPageShowsRunsWithProgressAStalledRunAndARunsProblems(
      UiSession ui, RunningPostgres postgres) throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String building = OptimizationRows.register(admin, "pf");
    String tag = building.substring(3);
    Instant now = Instant.now();
    long finished;
    long stalled;
    long running;
    try (Connection c = OptimizationRows.connect(postgres)) {
      finished =
          OptimizationRows.run(
              c, "pf-done-" + tag, now.minus(Duration.ofMinutes(10)), "COMPLETED", 3, 1, 1, 0, 1);
      OptimizationRows.execute(
          c,
          "UPDATE portfolio_runs SET finished_at = ?, updated_at = ?,"
              + " fallback_reasons = '{\"NO_ROOM_MEASUREMENT\": 1}' WHERE id = ?",
          now.minus(Duration.ofMinutes(9)),
          now.minus(Duration.ofMinutes(9)),
          finished);
      OptimizationRows.execute(
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
          OptimizationRows.run(
              c, "pf-stuck-" + tag, now.minus(Duration.ofHours(2)), "RUNNING", 100, 40, 0, 0, 0);
      OptimizationRows.execute(
          c,
          "UPDATE portfolio_runs SET updated_at = ? WHERE id = ?",
          now.minus(Duration.ofHours(1)),
          stalled);
      running =
          OptimizationRows.run(
              c, "pf-now-" + tag, now.minus(Duration.ofSeconds(30)), "RUNNING", 10, 2, 1, 0, 0);
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
    assertThat(OptimizationRows.fleet(admin, building, "failed")).containsExactly(building);
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
}
