package de.vorlauf.simulator.cloud;

import static de.vorlauf.simulator.cloud.CloudFixture.CLIENT_ID;
import static de.vorlauf.simulator.cloud.CloudFixture.SECRET;
import static de.vorlauf.simulator.cloud.CloudFixture.WITHOUT_ROOM;
import static de.vorlauf.simulator.cloud.CloudFixture.WITH_ROOM;
import static de.vorlauf.simulator.cloud.CloudFixture.devicePath;
import static de.vorlauf.simulator.cloud.CloudFixture.historyPath;
import static de.vorlauf.simulator.cloud.CloudFixture.json;
import static de.vorlauf.simulator.cloud.CloudFixture.minute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VendorCloudServerTest {

  private static final String OUTSIDE = "heating.sensors.temperature.outside";
  private static final String FLOW = "heating.circuits.0.sensors.volumetricFlow.allengra";
  private static final String ROOM = "heating.circuits.0.sensors.temperature.room";

  private final CloudFixture fixture = new CloudFixture();

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void issuesTokensToKnownClientsOnly() {
    fixture.start(CloudFaults.none());

    HttpResponse<String> good = fixture.tokenRequest(CLIENT_ID, SECRET);
    JsonNode body = json(good);
    assertThat(good.statusCode()).isEqualTo(200);
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
    assertThat(body.get("access_token").asText()).hasSizeGreaterThan(20);

    HttpResponse<String> form =
        fixture.send(
            HttpRequest.newBuilder(fixture.server.baseUri().resolve("/iam/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=vorlauf&client_secret=s3cret%2B%2F%3D"))
                .build());
    assertThat(form.statusCode()).isEqualTo(200);

    HttpResponse<String> wrongSecret = fixture.tokenRequest(CLIENT_ID, "guess");
    HttpResponse<String> unknown = fixture.tokenRequest("mallory", SECRET);
    assertThat(wrongSecret.statusCode()).isEqualTo(401);
    assertThat(json(wrongSecret).get("error").asText()).isEqualTo("invalid_client");
    assertThat(unknown.statusCode()).isEqualTo(401);

    HttpResponse<String> badGrant =
        fixture.send(
            HttpRequest.newBuilder(fixture.server.baseUri().resolve("/iam/oauth2/token"))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password"))
                .build());
    assertThat(badGrant.statusCode()).isEqualTo(400);
    assertThat(fixture.server.stats().invalidClient()).isEqualTo(2);
    assertThat(fixture.server.stats().tokensIssued()).isEqualTo(2);
  }

  @Test
  void refusesMissingUnknownAndExpiredTokens() {
    fixture.start(
        new CloudFaults(
            Double.POSITIVE_INFINITY, 1, 0, 0, Duration.ZERO, Duration.ofMinutes(10), 1));
    String installations = "/iot/v1/equipment/installations";
    String token = fixture.token();

    assertThat(fixture.get(installations, token).statusCode()).isEqualTo(200);
    assertInvalidToken(fixture.get(installations, null));
    assertInvalidToken(fixture.get(installations, "forged"));

    fixture.clock.advance(Duration.ofMinutes(9).plusSeconds(59));
    assertThat(fixture.get(installations, token).statusCode()).isEqualTo(200);
    fixture.clock.advance(Duration.ofSeconds(1));
    HttpResponse<String> expired = fixture.get(installations, token);
    assertInvalidToken(expired);
    assertThat(json(expired).get("error_description").asText()).contains("expired");

    assertThat(fixture.get(installations, fixture.token()).statusCode()).isEqualTo(200);
    assertThat(fixture.server.stats().invalidToken()).isEqualTo(3);
  }

  @Test
  void navigatesFromInstallationsToFeatures() {
    fixture.recordMinutes(10).data.advanceTo(minute(9));
    fixture.start(CloudFaults.none());
    String token = fixture.token();

    JsonNode installations = json(fixture.get("/iot/v1/equipment/installations", token));
    assertThat(installations.get("data")).hasSize(2);
    JsonNode first = installations.get("data").get(0);
    assertThat(first.get("id").asText()).isEqualTo(WITH_ROOM);
    assertThat(first.get("timezone").asText()).isEqualTo("Europe/Berlin");
    assertThat(first.get("description").asText()).isEqualTo("Simulated building 4711");

    JsonNode gateways =
        json(fixture.get("/iot/v1/equipment/installations/4711/gateways", token)).get("data");
    assertThat(gateways).hasSize(1);
    assertThat(gateways.get(0).get("serial").asText()).isEqualTo("75714711");
    assertThat(gateways.get(0).get("installationId").asText()).isEqualTo(WITH_ROOM);

    JsonNode devices =
        json(fixture.get("/iot/v1/equipment/installations/4711/gateways/75714711/devices", token))
            .get("data");
    assertThat(devices).hasSize(1);
    assertThat(devices.get(0).get("id").asText()).isEqualTo("0");
    assertThat(devices.get(0).get("deviceType").asText()).isEqualTo("heating");

    List<String> withRoom =
        featureNames(json(fixture.get(devicePath(WITH_ROOM) + "/features", token)));
    List<String> withoutRoom =
        featureNames(json(fixture.get(devicePath(WITHOUT_ROOM) + "/features", token)));
    assertThat(withRoom).containsExactlyInAnyOrderElementsOf(CloudFixture.allFeatures());
    assertThat(withoutRoom).hasSize(6).doesNotContain(ROOM);
  }

  @Test
  void latestValuesAreTheRecordedOnesAtNowAndNeverLater() {
    fixture.recordMinutes(200).data.advanceTo(minute(100).plusSeconds(30));
    fixture.start(CloudFaults.none());
    String token = fixture.token();

    Map<String, JsonNode> features =
        byFeature(fixture.get(devicePath(WITH_ROOM) + "/features", token));
    assertThat(features).hasSize(7);
    for (JsonNode feature : features.values()) {
      String name = feature.get("feature").asText();
      CloudPoint truth = fixture.data.latest(WITH_ROOM, name).orElseThrow();
      JsonNode value = feature.get("properties").get("value");
      assertThat(feature.get("timestamp").asText()).isEqualTo("2026-11-26T01:40:00.000Z");
      assertThat(value.get("value").asDouble()).as(name).isEqualTo(truth.value());
      assertThat(value.get("unit").asText()).isEqualTo(truth.unit());
      assertThat(feature.get("isEnabled").asBoolean()).isTrue();
    }
    double outsideAt100 = -5 + 100 % 100 * 0.1 + 11;
    assertThat(features.get(OUTSIDE).get("properties").get("value").get("value").asDouble())
        .isEqualTo(outsideAt100);

    JsonNode future =
        json(
            fixture.get(
                historyPath(
                    WITH_ROOM, OUTSIDE, "from=2026-11-26T01:39:00Z&to=2026-11-27T00:00:00Z"),
                token));
    assertThat(future.get("data")).hasSize(1);
    assertThat(future.get("truncated").asBoolean()).isFalse();

    fixture.data.advanceTo(minute(150));
    JsonNode single = json(fixture.get(devicePath(WITH_ROOM) + "/features/" + OUTSIDE, token));
    assertThat(single.get("data").get("timestamp").asText()).isEqualTo("2026-11-26T02:30:00.000Z");
  }

  @Test
  void historyWindowExcludesFromAndIncludesTo() {
    fixture.recordMinutes(60).data.advanceTo(minute(59));
    fixture.start(CloudFaults.none());
    String token = fixture.token();

    JsonNode page =
        json(
            fixture.get(
                historyPath(
                    WITH_ROOM,
                    OUTSIDE,
                    "from=2026-11-26T00:10:00.000Z&to=2026-11-26T00:20:00.000Z"),
                token));
    JsonNode points = page.get("data");
    assertThat(page.get("feature").asText()).isEqualTo(OUTSIDE);
    assertThat(points).hasSize(10);
    assertThat(points.get(0).get("timestamp").asText()).isEqualTo("2026-11-26T00:11:00.000Z");
    assertThat(points.get(9).get("timestamp").asText()).isEqualTo("2026-11-26T00:20:00.000Z");
    assertThat(points.get(9).get("unit").asText()).isEqualTo("celsius");
    assertThat(points.get(9).get("value").asDouble()).isEqualTo(-5 + 20 * 0.1 + 11);

    JsonNode offset =
        json(
            fixture.get(
                historyPath(
                    WITH_ROOM,
                    OUTSIDE,
                    "from=2026-11-26T01:10:00%2B01:00&to=2026-11-26T01:12:00%2B01:00"),
                token));
    assertThat(offset.get("data")).hasSize(2);
  }

  @Test
  void truncatedPagesContinueToEveryPointExactlyOnce() {
    fixture.recordMinutes(2_500).data.advanceTo(minute(2_499));
    fixture.start(CloudFaults.none());
    String token = fixture.token();
    Instant from = minute(0).minusSeconds(60);
    Instant to = minute(2_499);

    List<String> seen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String cursor = InstallationApi.format(from);
    boolean truncated = true;
    while (truncated) {
      JsonNode page =
          json(
              fixture.get(
                  historyPath(
                      WITH_ROOM, FLOW, "from=" + cursor + "&to=" + InstallationApi.format(to)),
                  token));
      JsonNode points = page.get("data");
      sizes.add(points.size());
      points.forEach(p -> seen.add(p.get("timestamp").asText() + "=" + p.get("value").asDouble()));
      cursor = points.get(points.size() - 1).get("timestamp").asText();
      truncated = page.get("truncated").asBoolean();
    }

    List<String> truth =
        fixture.data.history(WITH_ROOM, FLOW, from, to).stream()
            .map(p -> InstallationApi.format(p.timestamp()) + "=" + p.value())
            .toList();
    assertThat(sizes).containsExactly(1000, 1000, 500);
    assertThat(truth).hasSize(2_500);
    assertThat(seen).containsExactlyElementsOf(truth);

    JsonNode small =
        json(
            fixture.get(
                historyPath(
                    WITH_ROOM,
                    FLOW,
                    "from="
                        + InstallationApi.format(from)
                        + "&to="
                        + InstallationApi.format(to)
                        + "&limit=7"),
                token));
    JsonNode capped =
        json(
            fixture.get(
                historyPath(
                    WITH_ROOM,
                    FLOW,
                    "from="
                        + InstallationApi.format(from)
                        + "&to="
                        + InstallationApi.format(to)
                        + "&limit=5000"),
                token));
    assertThat(small.get("data")).hasSize(7);
    assertThat(small.get("truncated").asBoolean()).isTrue();
    assertThat(capped.get("data")).hasSize(1000);
  }

  @Test
  void servesFlowInLitresPerHour() {
    fixture.recordMinutes(5).data.advanceTo(minute(4));
    fixture.start(CloudFaults.none());
    String token = fixture.token();

    JsonNode points =
        json(fixture.get(
                historyPath(WITH_ROOM, FLOW, "from=2026-11-25T23:00:00Z&to=2026-11-26T00:04:00Z"),
                token))
            .get("data");
    assertThat(points).hasSize(5);
    for (int i = 0; i < 5; i++) {
      assertThat(points.get(i).get("unit").asText()).isEqualTo("liter/hour");
      assertThat(points.get(i).get("value").asDouble()).isEqualTo((10 + (i % 8) * 0.25) * 60);
    }
  }

  @Test
  void answersBadWindowsWithAProblem() {
    fixture.recordMinutes(5).data.advanceTo(minute(4));
    fixture.start(CloudFaults.none());
    String token = fixture.token();

    for (String query :
        List.of(
            "to=2026-11-26T00:04:00Z",
            "from=yesterday&to=2026-11-26T00:04:00Z",
            "from=2026-11-26T00:04:00Z",
            "from=2026-11-26T00:04:00Z&to=2026-11-26T00:03:00Z",
            "from=2026-11-26T00:00:00Z&to=2026-11-26T00:04:00Z&limit=0",
            "from=2026-11-26T00:00:00Z&to=2026-11-26T00:04:00Z&limit=many")) {
      HttpResponse<String> response = fixture.get(historyPath(WITH_ROOM, OUTSIDE, query), token);
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(json(response).get("detail").asText()).as(query).isNotBlank();
    }
  }

  @Test
  void answersUnknownIdsWith404() {
    fixture.recordMinutes(5).data.advanceTo(minute(4));
    fixture.start(CloudFaults.none());
    String token = fixture.token();

    for (String path :
        List.of(
            "/iot/v1/equipment/installations/9999/gateways",
            "/iot/v1/equipment/installations/4711/gateways/0000/devices",
            "/iot/v1/features/installations/9999/gateways/75714711/devices/0/features",
            "/iot/v1/features/installations/4711/gateways/0000/devices/0/features",
            "/iot/v1/features/installations/4711/gateways/75714711/devices/7/features",
            devicePath(WITHOUT_ROOM) + "/features/" + ROOM,
            devicePath(WITH_ROOM)
                + "/features/heating.burner.modulation/history?from=2026-11-26T00:00:00Z&to=2026-11-26T00:04:00Z",
            "/iot/v1/equipment/boilers",
            "/somewhere/else")) {
      assertThat(fixture.get(path, token).statusCode()).as(path).isEqualTo(404);
    }
    assertThat(fixture.server.stats().notFound()).isEqualTo(9);
  }

  @Test
  void servesManyParallelClientsWhileTheDataGrows() throws Exception {
    fixture.recordMinutes(100).data.advanceTo(minute(99));
    fixture.start(CloudFaults.none());
    String token = fixture.token();
    String other = fixture.token("other", "other-secret");
    int threads = 16;
    int perThread = 40;
    List<String> paths =
        List.of(
            "/iot/v1/equipment/installations",
            devicePath(WITH_ROOM) + "/features",
            devicePath(WITHOUT_ROOM) + "/features",
            historyPath(WITH_ROOM, FLOW, "from=2026-11-26T00:00:00Z&to=2026-11-27T00:00:00Z"));

    Thread writer =
        new Thread(
            () -> {
              for (int i = 100; i < 400; i++) {
                fixture.data.record(WITH_ROOM, minute(i), CloudFixture.samples(WITH_ROOM, i));
                fixture.data.advanceTo(minute(i));
              }
            });
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    writer.start();
    for (int t = 0; t < threads; t++) {
      for (int r = 0; r < perThread; r++) {
        HttpRequest request =
            fixture.request(paths.get((t + r) % paths.size()), t % 2 == 0 ? token : other).build();
        calls.add(fixture.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
      }
    }
    writer.join();

    Map<Integer, Integer> statuses = new HashMap<>();
    for (var call : calls) {
      HttpResponse<String> response = call.get(15, TimeUnit.SECONDS);
      statuses.merge(response.statusCode(), 1, Integer::sum);
      assertThat(json(response).has("data")).isTrue();
    }
    assertThat(statuses).containsExactly(Map.entry(200, threads * perThread));
    assertThat(fixture.server.stats().requests()).isEqualTo(threads * perThread + 2L);
  }

  private static void assertInvalidToken(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("error").asText()).isEqualTo("invalid_token");
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer error=\"invalid_token\"");
  }

  private static List<String> featureNames(JsonNode features) {
    List<String> names = new ArrayList<>();
    features.get("data").forEach(f -> names.add(f.get("feature").asText()));
    return names;
  }

  private static Map<String, JsonNode> byFeature(HttpResponse<String> response) {
    Map<String, JsonNode> features = new HashMap<>();
    json(response).get("data").forEach(f -> features.put(f.get("feature").asText(), f));
    return features;
  }
}
