package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.testsupport.metrics.MetricsCatalogue;
import de.vorlauf.testsupport.metrics.Scrape;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The WAR's operations endpoints in the provisioned WildFly: {@code /metrics} without login from
 * loopback moves by exactly what REST ingestion did and carries the dashboard's WildFly metrics;
 * readiness names Temporal and the broker, which nobody serves in these ITs.
 */
@SharedWar // one PostgreSQL, one WildFly, one deployment of the WAR for every IT class
class MetricsEndpointIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  final URL base = ItWar.base();

  @Test
  void scrapeCountsRestIngestionAndCarriesTheDashboardsMetrics() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String token = deviceToken(admin, "mx-" + UUID.randomUUID().toString().substring(0, 8));
    AdminClient device = AdminClient.anonymous(base);
    // the status page asks Temporal (dead here): the client's request counter starts
    admin.get("api/v1/status");
    URI metrics = URI.create(base.toExternalForm().replaceAll("/+$", "") + "/metrics");
    Scrape before = Scrape.of(metrics);

    int messages = 3;
    int malformed = 2;
    Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
    for (int i = 0; i < messages; i++) {
      Reply accepted = device.ingest(token, payload(deviceOf(token), time.plusSeconds(i)));
      assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    }
    for (int i = 0; i < malformed; i++) {
      device.ingest(token, ("{\"device_id\": oops " + i).getBytes(StandardCharsets.UTF_8));
    }
    Scrape after = Scrape.of(metrics);

    assertThat(delta(before, after, "vorlauf_ingest_readings_stored_total"))
        .isEqualTo(messages * 2);
    assertThat(delta(before, after, "vorlauf_ingest_quarantined_total{reason=\"malformed_json\"}"))
        .isEqualTo(malformed);
    assertThat(delta(before, after, "vorlauf_ingest_messages_total"))
        .isEqualTo(messages + malformed);

    MetricsCatalogue catalogue = MetricsCatalogue.load();
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Set<String> missing = new TreeSet<>(catalogue.wildfly());
              missing.removeAll(Scrape.of(metrics).names());
              assertThat(missing).as("dashboard metrics not on the WAR's scrape").isEmpty();
            });
  }

  @Test
  void readinessNamesEachDependencyThatIsDown() throws Exception {
    HttpResponse<String> ready =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + System.getProperty("it.mgmt.port") + "/health/ready"))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body().replace(" ", ""))
        .contains("\"name\":\"vorlauf-database\",\"status\":\"UP\"")
        .contains("\"name\":\"vorlauf-temporal\",\"status\":\"DOWN\"")
        .contains("\"name\":\"vorlauf-broker\",\"status\":\"DOWN\"")
        .contains("cannotreachTemporal");
  }

  // the device id travels with its token in this test only
  private final Map<String, String> devices = new LinkedHashMap<>();

  private String deviceToken(AdminClient admin, String device) throws Exception {
    String building = "mx-b-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", building);
    body.put("name", "metrics IT");
    body.put("timeZone", "Europe/Berlin");
    body.put("heatingType", "gas");
    assertThat(admin.post("api/v1/buildings", body).status()).isEqualTo(201);
    assertThat(admin.post("api/v1/devices", Map.of("id", device, "buildingId", building)).status())
        .isEqualTo(201);
    Reply issued = admin.post("api/v1/devices/" + device + "/credentials", null);
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    String token = issued.json().get("token").asText();
    devices.put(token, device);
    return token;
  }

  private String deviceOf(String token) {
    return devices.get(token);
  }

  private static byte[] payload(String device, Instant time) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("device_id", device);
    body.put("timestamp", time.toString());
    body.put(
        "readings",
        List.of(
            Map.of("sensor_id", "vorlauf_temp_hk1", "value", 55.5, "unit", "°C"),
            Map.of("sensor_id", "outdoor_temp", "value", 3.25, "unit", "degC")));
    return AdminClient.JSON.writeValueAsBytes(body);
  }

  private static double delta(Scrape before, Scrape after, String series) {
    return after.value(series) - before.value(series);
  }
}
