package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.vorlauf.persistence.migration.MigrationReport;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * The admin WAR as built, in the provisioned WildFly (managed by Arquillian), against a real
 * migrated PostgreSQL. MQTT, Temporal and the worker point at a port nobody listens on.
 */
@SharedWar // one PostgreSQL, one WildFly, one deployment of the WAR for every IT class
@RunAsClient
class StatusResourceIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  final URL base = ItWar.base();

  @Test
  void statusShowsTheMigratedDatabaseUpAndTheMissingServicesDown(MigrationReport migrations)
      throws Exception {
    HttpClient browser = loggedIn();

    long begin = System.nanoTime();
    HttpResponse<String> response =
        browser.send(get("api/v1/status"), HttpResponse.BodyHandlers.ofString());
    Duration took = Duration.ofNanos(System.nanoTime() - begin);

    assertThat(response.statusCode()).isEqualTo(200);
    // three dead services, probed in parallel, each with its own timeout: no hang
    // (a generous bound: a hanging probe would take minutes, a slow machine a few seconds)
    assertThat(took).isLessThan(Duration.ofSeconds(30));
    JsonNode status = JSON.readTree(response.body());
    JsonNode database = service(status, "database");
    assertThat(database.get("up").asBoolean()).as(database.toString()).isTrue();
    assertThat(database.get("origin").asText()).isEqualTo("embedded PostgreSQL (zonky)");
    assertThat(database.at("/facts/schema").asText()).isEqualTo(migrations.schemaVersionAfter());
    assertThat(database.at("/facts/server").asText()).isNotBlank();
    assertThat(database.at("/facts/timescaledb").asText()).isNotBlank();
    for (String dead : new String[] {"mqtt", "temporal", "worker"}) {
      assertThat(service(status, dead).get("up").asBoolean()).as(dead).isFalse();
      assertThat(service(status, dead).get("detail").asText()).as(dead).isNotBlank();
    }
    // the database answers, but no worker publishes its lanes there
    JsonNode ingestion = service(status, "ingestion");
    assertThat(ingestion.get("up").asBoolean()).as(ingestion.toString()).isFalse();
    assertThat(ingestion.get("detail").asText())
        .isEqualTo("no ingesting process reported in the last 30 s: is a worker running?");
    assertThat(status.get("allUp").asBoolean()).isFalse();
    assertThat(status.get("recentWorkflows").isArray()).isTrue();
  }

  @Test
  void unauthenticatedApiCallGets401AsProblemJson() throws Exception {
    HttpClient anonymous = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    HttpResponse<String> response =
        anonymous.send(get("api/v1/status"), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(401);
  }

  @Test
  void wrongPasswordLandsOnTheLoginErrorPage() throws Exception {
    HttpClient browser = browser();
    browser.send(get(""), HttpResponse.BodyHandlers.discarding());

    HttpResponse<String> response =
        browser.send(login("not-the-password"), HttpResponse.BodyHandlers.ofString());

    assertThat(response.body()).contains("login-error");
    HttpResponse<String> api =
        browser.send(get("api/v1/status"), HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(401);
  }

  private HttpClient loggedIn() throws IOException, InterruptedException {
    HttpClient browser = browser();
    HttpResponse<String> loginPage = browser.send(get(""), HttpResponse.BodyHandlers.ofString());
    assertThat(loginPage.body()).contains("j_security_check");
    HttpResponse<String> login =
        browser.send(login(ItDatabase.ADMIN_PASSWORD), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
    return browser;
  }

  private HttpRequest login(String password) {
    String form =
        "j_username=admin&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return HttpRequest.newBuilder(uri("j_security_check"))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  private static HttpClient browser() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(TIMEOUT)
        .build();
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).GET().build();
  }

  private URI uri(String path) {
    return URI.create(base.toExternalForm().replaceAll("/+$", "") + "/" + path);
  }

  private static JsonNode service(JsonNode status, String name) {
    for (JsonNode service : status.get("services")) {
      if (service.get("name").asText().equals(name)) {
        return service;
      }
    }
    throw new AssertionError("no service " + name + " in " + status);
  }
}
