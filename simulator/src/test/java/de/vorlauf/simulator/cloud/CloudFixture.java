package de.vorlauf.simulator.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.vorlauf.simulator.physics.SensorSample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Recorded data with known values, a server over it on a free port and a small HTTP client. Values
 * are a function of installation and minute index, so a test can say what the cloud must answer
 * without asking the code under test.
 */
final class CloudFixture implements AutoCloseable {

  static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");
  static final String CLIENT_ID = "vorlauf";
  static final String SECRET = "s3cret+/=";
  static final String WITH_ROOM = "4711";
  static final String WITHOUT_ROOM = "4712";

  private static final ObjectMapper JSON = new ObjectMapper();

  final RecordedCloudData data = new RecordedCloudData();
  final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  VendorCloudServer server;

  CloudFixture() {
    data.addInstallation(installation(WITH_ROOM, true));
    data.addInstallation(installation(WITHOUT_ROOM, false));
  }

  static CloudInstallation installation(String id, boolean room) {
    List<String> sensors =
        new ArrayList<>(
            List.of(
                "outdoor_temp",
                "vorlauf_temp_hk1",
                "ruecklauf_temp_hk1",
                "flow_rate_hk1",
                "heat_power",
                "heat_energy"));
    if (room) {
      sensors.add("indoor_temp");
    }
    return new CloudInstallation(
        id,
        "7571" + id,
        "0",
        "Simulated building " + id,
        ZoneId.of("Europe/Berlin"),
        CloudFeature.namesForSensors(sensors));
  }

  /** The catalogue samples of minute {@code i}, in canonical units. */
  static List<SensorSample> samples(String installationId, int i) {
    Instant t = minute(i);
    double k = Integer.parseInt(installationId) % 100;
    return List.of(
        new SensorSample("outdoor_temp", -5 + (i % 100) * 0.1 + k, "degC", "good", t),
        new SensorSample("vorlauf_temp_hk1", 40 + (i % 20) * 0.5, "degC", "good", t),
        new SensorSample("ruecklauf_temp_hk1", 30 + (i % 10) * 0.5, "degC", "good", t),
        new SensorSample("indoor_temp", 20 + (i % 3) * 0.25, "degC", "good", t),
        new SensorSample("flow_rate_hk1", 10 + (i % 8) * 0.25, "L/min", "good", t),
        new SensorSample("heat_power", 5 + (i % 6), "kW", "good", t),
        new SensorSample("heat_energy", 1000 + i * 0.1, "kWh", "good", t));
  }

  static Instant minute(int i) {
    return T0.plusSeconds(60L * i);
  }

  /** Records minutes {@code [0, minutes)} for both installations. */
  CloudFixture recordMinutes(int minutes) {
    for (int i = 0; i < minutes; i++) {
      data.record(WITH_ROOM, minute(i), samples(WITH_ROOM, i));
      data.record(WITHOUT_ROOM, minute(i), samples(WITHOUT_ROOM, i));
    }
    return this;
  }

  CloudFixture start(CloudFaults faults) {
    server =
        VendorCloudServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            data,
            List.of(new CloudClient(CLIENT_ID, SECRET), new CloudClient("other", "other-secret")),
            faults,
            clock);
    return this;
  }

  HttpResponse<String> tokenRequest(String clientId, String secret) {
    String basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(server.baseUri().resolve("/iam/oauth2/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build());
  }

  String token() {
    return token(CLIENT_ID, SECRET);
  }

  String token(String clientId, String secret) {
    HttpResponse<String> response = tokenRequest(clientId, secret);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("token request failed: " + response.statusCode());
    }
    return json(response).get("access_token").asText();
  }

  HttpResponse<String> get(String path, String token) {
    return send(request(path, token).build());
  }

  HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.baseUri() + path)).GET();
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  static String devicePath(String installationId) {
    return "/iot/v1/features/installations/"
        + installationId
        + "/gateways/7571"
        + installationId
        + "/devices/0";
  }

  static String historyPath(String installationId, String feature, String query) {
    return devicePath(installationId) + "/features/" + feature + "/history?" + query;
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  static Set<String> allFeatures() {
    return installation(WITH_ROOM, true).features();
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
