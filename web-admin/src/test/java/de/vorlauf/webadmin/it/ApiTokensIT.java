package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.testsupport.metrics.Scrape;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * API tokens for machine clients (issue 24) against the deployed WAR: an admin creates tokens
 * (refusals as problem+json), a {@code read} token reads, is refused where it lacks the scope, on
 * mutations and on the token administration; unknown, expired (set in SQL) and revoked tokens get
 * 401 saying which, the revocation at once; uses counted after a flush; creation and revocation in
 * the audit log, never the secret; the outcomes on /metrics; the page in the browser (axe).
 */
@SharedWar
@ExtendWith(ItBrowser.class)
@RunAsClient
class ApiTokensIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  final URL base = ItWar.base();

  @Test
  void aTokensLifecycleFromCreationToRevocation(RunningPostgres postgres) throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String tag = UUID.randomUUID().toString().substring(0, 8);
    URI metrics = URI.create(root() + "/metrics");
    Scrape before = Scrape.of(metrics);

    Reply created = admin.post("api/v1/tokens", token("reader-" + tag, List.of("read"), 1));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Cache-Control")).contains("no-store");
    JsonNode reader = created.json();
    String secret = reader.get("token").asText();
    long readerId = reader.get("id").asLong();
    assertThat(secret).matches("vlt_[A-Za-z0-9_-]{43}");
    assertThat(created.header("Location")).endsWith("/api/v1/tokens/" + readerId);
    assertThat(reader.get("createdBy").asText()).isEqualTo("admin");
    assertThat(reader.get("scopes").toString()).isEqualTo("[\"read\"]");

    // refusals of the administration
    Reply bad =
        admin.post(
            "api/v1/tokens", Map.of("name", "", "scopes", List.of("write"), "expiresAt", "never"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(fields(bad)).containsExactly("name", "scopes", "expiresAt");
    Reply tooLong = admin.post("api/v1/tokens", token("long-" + tag, List.of("read"), 400));
    assertThat(fields(tooLong)).containsExactly("expiresAt");
    Reply taken = admin.post("api/v1/tokens", token("reader-" + tag, List.of("optimize"), 1));
    assertThat(taken.status()).isEqualTo(409);
    JsonNode listed = admin.get("api/v1/tokens").json();
    assertThat(listed.toString()).doesNotContain(secret).contains("reader-" + tag);

    // the read scope reads, and nothing else
    assertThat(bearer("GET", "api/v1/heating-types", secret).statusCode()).isEqualTo(200);
    assertThat(bearer("GET", "api/v1/buildings?size=1", secret).statusCode()).isEqualTo(200);
    HttpResponse<String> mutation = bearer("POST", "api/v1/self-checks", secret);
    assertThat(mutation.statusCode()).isEqualTo(403);
    assertThat(mutation.body()).contains("Admin session required");
    assertThat(mutation.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(bearer("GET", "api/v1/tokens", secret).statusCode()).isEqualTo(403);
    assertThat(bearer("DELETE", "api/v1/tokens/" + readerId, secret).statusCode()).isEqualTo(403);
    assertThat(bearer("GET", "api/v1/session", secret).statusCode()).isEqualTo(403);

    // an optimize-only token may not read
    String optimizer =
        admin
            .post("api/v1/tokens", token("optimizer-" + tag, List.of("optimize"), 1))
            .json()
            .get("token")
            .asText();
    HttpResponse<String> noRead = bearer("GET", "api/v1/heating-types", optimizer);
    assertThat(noRead.statusCode()).isEqualTo(403);
    assertThat(noRead.body()).contains("Scope read required", "optimizer-" + tag);
    assertThat(noRead.headers().firstValue("WWW-Authenticate").orElse(""))
        .contains("insufficient_scope", "scope=\"read\"");

    // unknown and malformed secrets; no credentials at all is the login's 401 as before
    HttpResponse<String> unknown = bearer("GET", "api/v1/heating-types", "vlt_" + "A".repeat(43));
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.body()).contains("Unknown API token");
    assertThat(unknown.headers().firstValue("WWW-Authenticate").orElse(""))
        .contains("invalid_token");
    assertThat(bearer("GET", "api/v1/heating-types", "nope").statusCode()).isEqualTo(401);
    Reply anonymous = AdminClient.anonymous(base).get("api/v1/heating-types");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.toString()).contains("Not logged in");

    // expired: set in SQL before its first use, so no cache has seen it
    JsonNode soon = admin.post("api/v1/tokens", token("expired-" + tag, List.of("read"), 1)).json();
    try (Connection c = OptimizationRows.connect(postgres)) {
      OptimizationRows.execute(
          c,
          "UPDATE api_tokens SET expires_at = ? WHERE id = ?",
          Instant.now().minusSeconds(60),
          soon.get("id").asLong());
    }
    HttpResponse<String> expired =
        bearer("GET", "api/v1/heating-types", soon.get("token").asText());
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.body()).contains("API token expired", "expired-" + tag);

    // revoked here: refused at once, although the reader is in this instance's cache
    Reply revoke =
        admin.withReason("DELETE", "api/v1/tokens/" + readerId, null, "client decommissioned");
    assertThat(revoke.status()).as(revoke.toString()).isEqualTo(204);
    HttpResponse<String> revoked = bearer("GET", "api/v1/heating-types", secret);
    assertThat(revoked.statusCode()).isEqualTo(401);
    assertThat(revoked.body()).contains("API token revoked");
    assertThat(admin.delete("api/v1/tokens/" + readerId).status()).isEqualTo(204);
    assertThat(admin.delete("api/v1/tokens/" + Long.MAX_VALUE).status()).isEqualTo(404);

    // the two accepted reads, once the WAR flushed its usage (every 5 s)
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              JsonNode row = byId(admin.get("api/v1/tokens").json(), readerId);
              assertThat(row.get("useCount").asLong()).isEqualTo(2);
              assertThat(row.get("lastUsedAt")).isNotNull();
              assertThat(row.get("state").asText()).isEqualTo("revoked");
              assertThat(row.get("revokedBy").asText()).isEqualTo("admin");
            });

    JsonNode audit =
        admin.get("api/v1/audit?objectType=token&objectId=" + readerId).json().get("items");
    // newest first: the create, the revocation with its reason, the second (no-op) revocation
    List<String> actions = new ArrayList<>();
    audit.forEach(e -> actions.add(e.get("action").asText()));
    assertThat(actions).containsExactly("apiToken.revoke", "apiToken.revoke", "apiToken.create");
    JsonNode creation = audit.get(2);
    assertThat(creation.get("actor").asText()).isEqualTo("admin");
    assertThat(creation.get("objectType").asText()).isEqualTo("token");
    assertThat(creation.get("detail").asText()).contains("reader-" + tag, "scopes=read");
    assertThat(audit.get(1).get("reason").asText()).isEqualTo("client decommissioned");
    assertThat(audit.toString()).doesNotContain(secret);
    // token calls are counted, not audited
    assertThat(admin.get("api/v1/audit?actor=token:reader-" + tag).json().get("total").asLong())
        .isZero();

    Scrape after = Scrape.of(metrics);
    assertThat(delta(before, after, "accepted")).isEqualTo(2);
    assertThat(delta(before, after, "scope")).isEqualTo(5);
    assertThat(delta(before, after, "unknown")).isEqualTo(2);
    assertThat(delta(before, after, "expired")).isEqualTo(1);
    assertThat(delta(before, after, "revoked")).isEqualTo(1);
  }

  @Test
  void thePageShowsTheSecretOnceAndRevokesWithAReason(UiSession ui) throws Exception {
    String name = "ui-" + UUID.randomUUID().toString().substring(0, 8);
    ui.open("tokens", "tokens");
    ui.type("tokens-name", name);
    ui.byTestId("tokens-scope-optimize").click();
    ui.byTestId("tokens-create").click();

    WebElement value = ui.visible("[data-testid='tokens-secret-value']");
    String secret = value.getText();
    assertThat(secret).matches("vlt_[A-Za-z0-9_-]{43}");
    assertThat(ui.byTestId("tokens-secret-notice").getText()).contains("will not be shown again");
    WebElement row = ui.wait.until(d -> rowNamed(ui, name));
    assertThat(row.getText())
        .contains("read")
        .doesNotContain("optimize")
        .contains(secret.substring(0, 8));
    assertThat(bearer("GET", "api/v1/heating-types", secret).statusCode()).isEqualTo(200);
    ui.screenshot("tokens-created");
    assertThat(ui.failingAxeViolations("the API tokens page with a new secret")).isEmpty();

    ui.byTestId("tokens-secret-hide").click();
    assertThat(ui.browser.findElements(By.cssSelector("[data-testid='tokens-secret-value']")))
        .isEmpty();
    row.findElement(By.cssSelector("[data-testid='tokens-revoke']")).click();
    ui.visible("[data-testid='confirm-dialog']");
    assertThat(ui.failingAxeViolations("the token revocation dialog")).isEmpty();
    ui.type("confirm-reason", "UI test");
    ui.byTestId("confirm-ok").click();
    ui.wait.until(
        d -> {
          WebElement now = rowNamed(ui, name);
          return now != null && "revoked".equals(now.getAttribute("data-state"));
        });
    assertThat(bearer("GET", "api/v1/heating-types", secret).statusCode()).isEqualTo(401);
  }

  /** The token's row in the list as it stands; null while it is not (yet) there. */
  private static WebElement rowNamed(UiSession ui, String name) {
    try {
      for (WebElement row : ui.browser.findElements(By.cssSelector("[data-testid='tokens-row']"))) {
        if (row.findElement(By.cssSelector("th")).getText().equals(name)) {
          return row;
        }
      }
    } catch (StaleElementReferenceException e) {
      // the list was redrawn meanwhile: the next poll reads the new one
    }
    return null;
  }

  private String root() {
    return base.toExternalForm().replaceAll("/+$", "");
  }

  private HttpResponse<String> bearer(String method, String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(root() + "/" + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json, application/problem+json")
            .header("Authorization", "Bearer " + token);
    request.method(
        method,
        method.equals("POST")
            ? HttpRequest.BodyPublishers.ofString("{}")
            : HttpRequest.BodyPublishers.noBody());
    if (method.equals("POST")) {
      request.header("Content-Type", "application/json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Object> token(String name, List<String> scopes, int days) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("scopes", scopes);
    body.put("expiresAt", Instant.now().plus(Duration.ofDays(days)).toString());
    return body;
  }

  private static List<String> fields(Reply reply) throws Exception {
    List<String> fields = new ArrayList<>();
    reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  private static JsonNode byId(JsonNode tokens, long id) {
    for (JsonNode t : tokens) {
      if (t.get("id").asLong() == id) {
        return t;
      }
    }
    throw new AssertionError("token " + id + " not listed");
  }

  private static double delta(Scrape before, Scrape after, String outcome) {
    String series = "vorlauf_api_token_authentications_total{outcome=\"" + outcome + "\"}";
    return after.value(series) - before.value(series);
  }
}
