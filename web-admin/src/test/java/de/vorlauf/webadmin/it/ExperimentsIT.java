package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.persistence.experiments.FeatureWindow;
import de.vorlauf.persistence.experiments.JdbcExperimentTracker;
import de.vorlauf.persistence.experiments.MetricStep;
import de.vorlauf.persistence.experiments.RunStart;
import de.vorlauf.persistence.experiments.RunStatus;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The Experiments pages and API over runs logged by this test through the tracker the training
 * activities use: filters, a run with its lineage links (the training workflow and the ETL runs of
 * its feature window, at the workflow explorer's addresses), artifacts served with their checksum
 * and a corrupted one refused, pinning audited, and two runs compared in the browser (differences
 * marked, learning curves overlaid, axe-checked).
 */
@SharedWar
@ExtendWith(ItBrowser.class)
@RunAsClient
class ExperimentsIT {

  private final URL base = ItWar.base();

  /** Two runs of a fresh experiment: a (lr 0.001, 3 epochs) and b (lr 0.01, 3 epochs). */
  private record Logged(String experiment, long a, long b, String etlRun, String building) {}

  private static Logged logTwoRuns() throws Exception {
    String experiment = "it-" + UUID.randomUUID().toString().substring(0, 8);
    String building = experiment + "-b1";
    String etlRun = "etl-backfill-" + experiment;
    PGSimpleDataSource ds = ItDatabase.dataSource();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO etl_building_days (building_id, day, etl_run, slots, mean_quality,"
              + " readings, bad_readings) VALUES ('"
              + building
              + "', '2026-11-01', '"
              + etlRun
              + "', 96, 0.97, 5760, 2)");
    }
    JdbcExperimentTracker tracker = new JdbcExperimentTracker(ds, Clock.systemUTC());
    tracker.ensureExperiment(experiment, "heat demand MLP", 30);
    long[] ids = new long[2];
    String[] rates = {"0.001", "0.01"};
    for (int i = 0; i < 2; i++) {
      String workflow = "training-" + experiment + "-" + i;
      long run =
          tracker
              .startRun(
                  new RunStart(
                      experiment,
                      workflow + "/train",
                      "run-" + (char) ('a' + i),
                      "0.1.0+it",
                      workflow,
                      "r-" + i))
              .id();
      tracker.logParams(run, Map.of("learning_rate", rates[i], "epochs", "3"));
      final int k = i;
      tracker.logMetricSteps(
          run,
          "loss",
          IntStream.range(0, 3).mapToObj(e -> new MetricStep(e, (1.0 + k) / (e + 1))).toList());
      tracker.logMetric(run, "rmse", 0.2 + 0.1 * i);
      tracker.setTags(run, Map.of("candidate", i == 0 ? "yes" : "no"));
      tracker.logArtifact(
          run, "model/net.bin", "application/octet-stream", ("weights " + i).getBytes());
      tracker.recordLineage(
          run,
          new FeatureWindow(
              LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1), List.of(building)),
          null);
      tracker.finishRun(run, RunStatus.FINISHED);
      ids[i] = run;
    }
    return new Logged(experiment, ids[0], ids[1], etlRun, building);
  }

  @Test
  void theApiListsFiltersComparesAndServesVerifiedArtifacts() throws Exception {
    Logged logged = logTwoRuns();
    AdminClient admin = AdminClient.loggedIn(base);

    JsonNode experiments = admin.get("api/v1/experiments").json();
    assertThat(experiments.findValuesAsText("name")).contains(logged.experiment());
    String runs = "api/v1/experiments/" + logged.experiment() + "/runs";
    assertThat(admin.get(runs + "?metric=rmse&metricMax=0.25").json().get("total").asInt())
        .isEqualTo(1);
    assertThat(
            admin
                .get(runs + "?param=learning_rate&paramMin=0.005")
                .json()
                .at("/items/0/id")
                .asLong())
        .isEqualTo(logged.b());
    assertThat(admin.get(runs + "?status=bogus").status()).isEqualTo(400);
    assertThat(admin.get("api/v1/experiments/no-such-experiment/runs").status()).isEqualTo(404);

    JsonNode run = admin.get("api/v1/experiment-runs/" + logged.a()).json();
    assertThat(run.at("/run/path").asText())
        .isEqualTo("/experiments/" + logged.experiment() + "?run=" + logged.a());
    JsonNode lineage = run.get("lineage");
    assertThat(lineage.get("workflowPath").asText())
        .isEqualTo("/workflows/training-" + logged.experiment() + "-0?run=r-0");
    assertThat(lineage.at("/etlRuns/0/workflowId").asText()).isEqualTo(logged.etlRun());
    assertThat(lineage.at("/etlRuns/0/path").asText()).isEqualTo("/workflows/" + logged.etlRun());
    assertThat(lineage.get("buildingDays").asInt()).isEqualTo(1);
    assertThat(run.at("/series/loss").size()).isEqualTo(3);
    // a lineage link is an address the shell answers (the workflow explorer renders it)
    assertThat(admin.get(lineage.at("/etlRuns/0/path").asText().substring(1)).status())
        .isEqualTo(200);

    String download = run.at("/artifacts/0/download").asText().substring(1);
    Reply artifact = admin.get(download, "*/*");
    assertThat(artifact.status()).isEqualTo(200);
    assertThat(artifact.response().body()).isEqualTo("weights 0");
    assertThat(artifact.header("X-Content-SHA256"))
        .isEqualTo(run.at("/artifacts/0/sha256").asText());
    try (Connection c = ItDatabase.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "UPDATE experiment_run_artifacts SET content = convert_to('weights X', 'UTF8')"
              + " WHERE run_id = "
              + logged.a());
    }
    Reply corrupted = admin.get(download, "*/*");
    assertThat(corrupted.status()).isEqualTo(500);
    assertThat(corrupted.contentType()).startsWith("application/problem+json");
    assertThat(corrupted.response().body())
        .contains("Artifact corrupted", "model/net.bin", "refused");

    JsonNode comparison =
        admin.get("api/v1/experiment-runs/compare?ids=" + logged.a() + "," + logged.b()).json();
    assertThat(comparison.findValuesAsText("key")).contains("learning_rate", "epochs", "rmse");
    for (JsonNode row : comparison.get("params")) {
      assertThat(row.get("differs").asBoolean())
          .isEqualTo(row.get("key").asText().equals("learning_rate"));
    }
    assertThat(comparison.at("/series/loss").size()).isEqualTo(2);
    assertThat(admin.get("api/v1/experiment-runs/compare?ids=" + logged.a()).status())
        .isEqualTo(400);

    Reply pinned =
        admin.withReason(
            "PUT",
            "api/v1/experiment-runs/" + logged.b() + "/pin",
            Map.of("pinned", true),
            "Modell ging live");
    assertThat(pinned.status()).as(pinned.toString()).isEqualTo(200);
    assertThat(pinned.json().get("pinned").asBoolean()).isTrue();
    JsonNode audit =
        admin.get("api/v1/audit?action=experimentRun.pin&objectId=" + logged.b()).json();
    assertThat(audit.at("/items/0/reason").asText()).isEqualTo("Modell ging live");
    assertThat(audit.at("/items/0/outcome").asText()).isEqualTo("succeeded");

    // both runs ended 40 days ago, beyond the experiment's 30: the pinned one keeps its artifact
    try (Connection c = ItDatabase.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "UPDATE experiment_runs SET started_at = now() - interval '41 days',"
              + " ended_at = now() - interval '40 days' WHERE id IN ("
              + logged.a()
              + ", "
              + logged.b()
              + ")");
    }
    Reply expired = admin.get(download, "*/*");
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.response().body()).contains("Artifact removed", "retention");
    Reply kept =
        admin.get("api/v1/experiment-runs/" + logged.b() + "/artifacts/model/net.bin", "*/*");
    assertThat(kept.status()).isEqualTo(200);
    assertThat(kept.response().body()).isEqualTo("weights 1");
  }

  @Test
  void twoRunsAreComparedInTheBrowser(UiSession ui) throws Exception {
    Logged logged = logTwoRuns();
    ui.open("experiments", "experiments");
    ui.rowOf("experiment-row", "data-key", logged.experiment())
        .findElement(By.cssSelector("[data-testid=experiment-link]"))
        .click();
    ui.awaitData("experiments-detail");
    assertThat(ui.byTestId("page-title").getText()).isEqualTo("Experiment " + logged.experiment());
    for (long id : List.of(logged.a(), logged.b())) {
      ui.visible("[data-testid=run-row][data-key='" + id + "'] input[data-select]").click();
    }
    WebElement compare = ui.byTestId("runs-compare");
    assertThat(compare.isEnabled()).isTrue();
    assertThat(ui.failingAxeViolations("an experiment's runs")).isEmpty();
    compare.click();

    ui.awaitData("experiments-detail");
    WebElement table = ui.visible("[data-testid=compare-table]");
    assertThat(table.findElements(By.cssSelector("[data-testid=compare-run]"))).hasSize(2);
    WebElement rate = table.findElement(By.cssSelector("tr[data-key='parameter:learning_rate']"));
    assertThat(rate.getAttribute("data-differs")).isEqualTo("true");
    assertThat(rate.getText()).contains("differs", "0.001", "0.01");
    WebElement epochs = table.findElement(By.cssSelector("tr[data-key='parameter:epochs']"));
    assertThat(epochs.getAttribute("data-differs")).isEqualTo("false");
    assertThat(epochs.getText()).doesNotContain("differs");
    WebElement curves = ui.visible("[data-testid=compare-curve-loss]");
    assertThat(curves.getAttribute("data-series")).isEqualTo("2");
    ui.visible("[data-testid=compare-curve-loss] canvas");
    assertThat(ui.byTestId("compare-curve-loss-summary").getText()).contains("run-a", "run-b");
    ui.screenshot("experiments-compare");
    assertThat(ui.failingAxeViolations("two runs compared")).isEmpty();

    ui.browser.findElement(By.linkText("run-a (#" + logged.a() + ")")).click();
    ui.awaitData("experiments-detail");
    ui.visible("[data-testid=run-facts]");
    assertThat(ui.byTestId("page-title").getText()).isEqualTo("Run run-a");
    assertThat(ui.byTestId("lineage-workflow").getAttribute("href"))
        .endsWith("/workflows/training-" + logged.experiment() + "-0?run=r-0");
    assertThat(ui.byTestId("lineage-etl-run").getAttribute("href"))
        .endsWith("/workflows/" + logged.etlRun());
    assertThat(ui.byTestId("artifact-download").getAttribute("href"))
        .endsWith("/api/v1/experiment-runs/" + logged.a() + "/artifacts/model/net.bin");
    ui.visible("[data-testid=run-curve-loss] canvas");
    ui.screenshot("experiments-run");
    assertThat(ui.failingAxeViolations("a run's page")).isEmpty();
  }
}
