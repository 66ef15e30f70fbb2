package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.persistence.experiments.Checksums;
import de.vorlauf.persistence.experiments.JdbcExperimentTracker;
import de.vorlauf.persistence.experiments.RunStart;
import de.vorlauf.persistence.experiments.RunStatus;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The model registry's API and pages over runs logged by this test through the training's tracker:
 * registration (reason required, idempotent), champion/challenger/N, the edge export's files with
 * their checksums (and a run that predates manifests), rule refusals as 409, alias moves audited
 * and in the registry's log; in the browser, a run registered, downloaded and made champion with a
 * reason, axe-checked.
 */
@SharedWar
@ExtendWith(ItBrowser.class)
@RunAsClient
class ModelRegistryIT {

  /** A manifest as training writes it: the trainer's model name, no version yet. */
  private static final byte[] MANIFEST = manifest();

  private static byte[] manifest() {
    try (var in = ModelRegistryIT.class.getResourceAsStream("/models/manifest.json")) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private final URL base = ItWar.base();

  /** Run {@code old} stored only its model; run {@code current} also a manifest and a sample. */
  private record Runs(String model, long old, long current) {}

  private static Runs logRuns() throws Exception {
    String model = "it-" + UUID.randomUUID().toString().substring(0, 8);
    JdbcExperimentTracker tracker =
        new JdbcExperimentTracker(ItDatabase.dataSource(), Clock.systemUTC());
    long[] ids = new long[2];
    for (int i = 0; i < 2; i++) {
      long run =
          tracker
              .startRun(
                  new RunStart(model, model + "/" + i, "run-" + i, "0.1.0+it", "wf-" + i, "r"))
              .id();
      tracker.logMetric(run, "mlp.all.rmse_kw", 0.5 - 0.1 * i);
      tracker.logArtifact(
          run, "model/heat-demand.onnx", "application/octet-stream", ("onnx " + i).getBytes());
      if (i == 1) {
        tracker.logArtifact(run, "manifest.json", "application/json", MANIFEST);
        tracker.logArtifact(run, "holdout-sample.csv", "text/csv", "a,b\n1,2\n".getBytes());
      }
      tracker.finishRun(run, RunStatus.FINISHED);
      ids[i] = run;
    }
    return new Runs(model, ids[0], ids[1]);
  }

  @Test
  void theApiRegistersResolvesServesVerifiedFilesAndMovesAliasesWithAReason() throws Exception {
    Runs runs = logRuns();
    AdminClient admin = AdminClient.loggedIn(base);
    String versions = "api/v1/models/" + runs.model() + "/versions";

    Reply noReason = admin.post(versions, Map.of("runId", runs.old()));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.response().body()).contains("reason");
    Reply first = admin.withReason("POST", versions, Map.of("runId", runs.old()), "Altbestand");
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.header("Location")).endsWith(versions + "/1");
    assertThat(first.json().get("stage").asText()).isEqualTo("STAGING");
    Reply again = admin.withReason("POST", versions, Map.of("runId", runs.old()), "nochmal");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("version").asInt()).isEqualTo(1);
    Reply second = admin.withReason("POST", versions, Map.of("runId", runs.current()), "neu");
    assertThat(second.json().get("stage").asText()).isEqualTo("NONE");

    assertThat(admin.get(versions + "/challenger").json().get("runId").asLong())
        .isEqualTo(runs.old());
    Reply noChampion = admin.get(versions + "/champion");
    assertThat(noChampion.status()).isEqualTo(404);
    assertThat(noChampion.contentType()).startsWith("application/problem+json");
    assertThat(admin.get("api/v1/models/no-such-model").status()).isEqualTo(404);

    Reply onnx = admin.get(versions + "/2/files/model.onnx", "*/*");
    assertThat(onnx.status()).isEqualTo(200);
    assertThat(onnx.response().body()).isEqualTo("onnx 1");
    assertThat(onnx.header("X-Content-SHA256")).isEqualTo(Checksums.sha256("onnx 1".getBytes()));
    // the edge export's manifest names the model and number the version is registered as
    Reply manifest = admin.get(versions + "/2/files/manifest.json", "*/*");
    assertThat(manifest.json().get("model").asText()).isEqualTo(runs.model());
    assertThat(manifest.json().get("version").asInt()).isEqualTo(2);
    assertThat(manifest.json().get("features").size()).isPositive();
    assertThat(manifest.header("X-Content-SHA256"))
        .isEqualTo(Checksums.sha256(manifest.response().body().getBytes(StandardCharsets.UTF_8)));
    Reply predates = admin.get(versions + "/1/files/manifest.json", "*/*");
    assertThat(predates.status()).isEqualTo(404);
    assertThat(predates.contentType()).startsWith("application/problem+json");
    assertThat(predates.response().body()).contains("predates manifests");
    Reply bundle = admin.get(versions + "/1/bundle.zip", "*/*");
    assertThat(bundle.contentType()).isEqualTo("application/zip");
    assertThat(bundle.response().body())
        .startsWith("PK")
        .contains("model.onnx", "SHA256SUMS")
        .doesNotContain("manifest.json");

    String aliases = "api/v1/models/" + runs.model() + "/aliases/";
    assertThat(admin.put(aliases + "champion", Map.of("version", 2)).status()).isEqualTo(400);
    Reply champion =
        admin.withReason("PUT", aliases + "champion", Map.of("version", 2), "besser auf Holdout");
    assertThat(champion.status()).as(champion.toString()).isEqualTo(200);
    assertThat(champion.json().at("/model/champion").asInt()).isEqualTo(2);
    Reply refused = admin.withReason("PUT", aliases + "challenger", Map.of("version", 2), "beides");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.response().body()).contains("cannot also be the challenger");

    String archive = versions + "/2/archive";
    Reply archiveChampion = admin.withReason("POST", archive, null, "weg damit");
    assertThat(archiveChampion.status()).isEqualTo(409);
    assertThat(archiveChampion.response().body()).contains("is the champion");
    assertThat(admin.withReason("DELETE", aliases + "challenger", null, "Test beendet").status())
        .isEqualTo(200);
    Reply archived = admin.withReason("POST", versions + "/1/archive", null, "veraltet");
    assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
    assertThat(archived.json().at("/versions/1/stage").asText()).isEqualTo("ARCHIVED");
    assertThat(archived.json().at("/model/challenger").isNumber()).isFalse(); // null: left out

    JsonNode log = admin.get("api/v1/models/" + runs.model() + "/log").json();
    assertThat(log.get(0).get("change").asText()).isEqualTo("STAGE_CHANGED");
    assertThat(log.get(0).get("toStage").asText()).isEqualTo("ARCHIVED");
    assertThat(log.get(1).get("change").asText()).isEqualTo("ALIAS_CLEARED");
    assertThat(log.get(1).get("reason").asText()).isEqualTo("Test beendet");
    assertThat(log.get(2).get("change").asText()).isEqualTo("ALIAS_SET");
    assertThat(log.get(2).get("reason").asText()).isEqualTo("besser auf Holdout");
    assertThat(log.get(2).get("authority").asText()).isEqualTo("manual-before-promotion");
    JsonNode audit =
        admin.get("api/v1/audit?action=model.setAlias&objectId=" + runs.model()).json();
    assertThat(audit.at("/items/0/reason").asText()).isEqualTo("beides");
    assertThat(audit.at("/items/0/outcome").asText()).isEqualTo("refused");
    assertThat(audit.at("/items/1/reason").asText()).isEqualTo("besser auf Holdout");
    assertThat(audit.at("/items/1/outcome").asText()).isEqualTo("succeeded");

    try (Connection c = ItDatabase.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "UPDATE experiment_run_artifacts SET content = convert_to('tampered', 'UTF8')"
              + " WHERE run_id = "
              + runs.current()
              + " AND name = 'model/heat-demand.onnx'");
    }
    Reply corrupted = admin.get(versions + "/champion/files/model.onnx", "*/*");
    assertThat(corrupted.status()).isEqualTo(500);
    assertThat(corrupted.response().body()).contains("Artifact corrupted");
  }

  @Test
  void aRunIsRegisteredDownloadedAndMadeChampionInTheBrowser(UiSession ui) throws Exception {
    Runs runs = logRuns();
    ui.open("experiments/" + runs.model() + "?run=" + runs.current(), "experiments-detail");
    ui.visible("[data-testid=run-register]").click();
    ui.awaitData("models");
    assertThat(ui.byTestId("register-run").getAttribute("value"))
        .isEqualTo(String.valueOf(runs.current()));
    ui.type("register-model", runs.model());
    ui.byTestId("register-submit").click();
    ui.visible("[data-testid=confirm-reason]");
    ui.type("confirm-reason", "vom Lauf registriert");
    ui.byTestId("confirm-ok").click();
    ui.visible("[data-testid=registered-link]").click();

    ui.awaitData("models-detail");
    assertThat(ui.byTestId("page-title").getText()).isEqualTo("Model " + runs.model());
    WebElement row = ui.rowOf("version-row", "data-key", "1");
    assertThat(row.getAttribute("data-stage")).isEqualTo("STAGING");
    WebElement download =
        row.findElement(By.cssSelector("[data-testid=version-file][data-file='model.onnx']"));
    String href = download.getAttribute("href");
    assertThat(href).endsWith("/api/v1/models/" + runs.model() + "/versions/1/files/model.onnx");
    Object downloaded =
        ui.script(
            "return fetch(arguments[0]).then(r => r.text().then(t => r.status + ' ' + t));", href);
    assertThat(downloaded).isEqualTo("200 onnx 1");
    assertThat(row.findElements(By.cssSelector("[data-testid=version-bundle]"))).hasSize(1);
    assertThat(ui.failingAxeViolations("a model's page")).isEmpty();

    row.findElement(By.cssSelector("[data-testid=make-champion]")).click();
    ui.visible("[data-testid=confirm-reason]");
    ui.type("confirm-reason", "Freigabe nach Review");
    ui.byTestId("confirm-ok").click();
    ui.wait.until(d -> ui.byTestId("facts-champion").getText().equals("v1"));
    WebElement logged = ui.visible("[data-testid=log-row][data-change=ALIAS_SET]");
    assertThat(ui.byTestId("model-log").getText()).contains("Freigabe nach Review", "champion");
    assertThat(logged.getText()).contains("manual-before-promotion");
    ui.screenshot("model-registry");

    ui.open("audit", "audit");
    ui.wait.until(
        d -> d.findElement(By.tagName("main")).getText().contains("Freigabe nach Review"));
    assertThat(ui.browser.findElement(By.tagName("main")).getText()).contains("model.setAlias");
  }
}
