package de.vorlauf.activities.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.vorlauf.activities.vendor.CloudModel.Device;
import de.vorlauf.activities.vendor.CloudModel.Feature;
import de.vorlauf.activities.vendor.CloudModel.HistoryPage;
import de.vorlauf.activities.vendor.CloudModel.Point;
import de.vorlauf.activities.vendor.VendorApiException.Kind;
import de.vorlauf.domain.vendor.VendorIntegration;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The vendor cloud's REST API for one integration (Viessmann-like: OAuth2 client credentials,
 * installations → gateways → devices → features, feature history). Every request is bounded by the
 * integration's request timeout. A 401 {@code invalid_token} refreshes the token and repeats the
 * request once; transient failures (5xx, timeouts, connection errors) are repeated twice after a
 * short pause before they are reported, so a single hiccup does not cost an activity attempt.
 * Thread-safe.
 */
public class VendorCloudClient {

  static final int PAGE_LIMIT = 1000;
  private static final int TRANSIENT_RETRIES = 2;

  /**
   * A short Retry-After is waited out in place, a few times per request; a long one, or a limit
   * that persists, fails the activity with the Retry-After as Temporal's next retry delay.
   */
  private static final int INLINE_RATE_LIMITS = 5;

  private static final java.time.Duration INLINE_RETRY_AFTER_MAX = java.time.Duration.ofSeconds(10);
  private static final long TRANSIENT_PAUSE_MILLIS = 300;
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final VendorIntegration integration;
  private final HttpClient http;
  private final TokenCache tokens;
  private final ObjectMapper json;
  private long pausedUntilNanos;

  public VendorCloudClient(
      VendorIntegration integration, HttpClient http, TokenCache tokens, ObjectMapper json) {
    this.integration = integration;
    this.http = http;
    this.tokens = tokens;
    this.json = json;
  }

  public List<String> installations() {
    List<String> ids = new ArrayList<>();
    for (JsonNode node : data(get("/iot/v1/equipment/installations"))) {
      ids.add(node.path("id").asText());
    }
    return ids;
  }

  List<Device> devices(String installationId) {
    List<Device> devices = new ArrayList<>();
    String installation = "/iot/v1/equipment/installations/" + segment(installationId);
    for (JsonNode gateway : data(get(installation + "/gateways"))) {
      String serial = gateway.path("serial").asText();
      for (JsonNode device :
          data(get(installation + "/gateways/" + segment(serial) + "/devices"))) {
        devices.add(new Device(installationId, serial, device.path("id").asText()));
      }
    }
    return devices;
  }

  List<Feature> features(Device device) {
    List<Feature> features = new ArrayList<>();
    for (JsonNode node : data(get(featuresPath(device)))) {
      if (node.path("isEnabled").asBoolean(true) && node.hasNonNull("timestamp")) {
        features.add(new Feature(node.path("feature").asText(), time(node.get("timestamp"))));
      }
    }
    return features;
  }

  /** Points with {@code from < timestamp ≤ to}, ascending, at most {@link #PAGE_LIMIT}. */
  HistoryPage history(Device device, String feature, Instant from, Instant to) {
    String path =
        featuresPath(device)
            + "/"
            + segment(feature)
            + "/history?from="
            + query(ISO_MILLIS.format(from))
            + "&to="
            + query(ISO_MILLIS.format(to))
            + "&limit="
            + PAGE_LIMIT;
    JsonNode body = get(path);
    List<Point> points = new ArrayList<>();
    for (JsonNode node : data(body)) {
      points.add(new Point(time(node.get("timestamp")), node.get("value"), unit(node)));
    }
    return new HistoryPage(points, body.path("truncated").asBoolean(false));
  }

  private static String unit(JsonNode node) {
    JsonNode unit = node.get("unit");
    return unit == null || unit.isNull() ? null : unit.asText();
  }

  private String featuresPath(Device device) {
    return "/iot/v1/features/installations/"
        + segment(device.installationId())
        + "/gateways/"
        + segment(device.gatewaySerial())
        + "/devices/"
        + segment(device.deviceId())
        + "/features";
  }

  private JsonNode get(String path) {
    int transientFailures = 0;
    int rateLimits = 0;
    while (true) {
      awaitRateLimitPause();
      try {
        return getAuthorized(path);
      } catch (VendorApiException e) {
        if (e.kind() == Kind.RATE_LIMITED
            && rateLimits++ < INLINE_RATE_LIMITS
            && e.retryAfter().compareTo(INLINE_RETRY_AFTER_MAX) <= 0) {
          // every request of this integration waits, not just this one: they share the limit
          pauseUntil(System.nanoTime() + e.retryAfter().toNanos());
          continue;
        }
        if (e.kind() != Kind.UNAVAILABLE || transientFailures++ >= TRANSIENT_RETRIES) {
          throw e;
        }
        pause(TRANSIENT_PAUSE_MILLIS * transientFailures);
      }
    }
  }

  private synchronized void pauseUntil(long nanos) {
    pausedUntilNanos = Math.max(pausedUntilNanos, nanos);
  }

  private void awaitRateLimitPause() {
    long wait;
    synchronized (this) {
      wait = pausedUntilNanos - System.nanoTime();
    }
    if (wait > 0) {
      pause(wait / 1_000_000 + 1);
    }
  }

  private JsonNode getAuthorized(String path) {
    AccessToken token = tokens.token();
    HttpResponse<String> response = send(path, token);
    if (response.statusCode() == 401 && invalidToken(response)) {
      tokens.invalidate(token);
      response = send(path, tokens.token());
    }
    return body(path, response);
  }

  private HttpResponse<String> send(String path, AccessToken token) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(integration.baseUrl() + path))
            .timeout(integration.requestTimeout())
            .header("Authorization", "Bearer " + token.value())
            .header("Accept", "application/json")
            .GET()
            .build();
    return TokenCache.exchange(http, request, integration);
  }

  private static boolean invalidToken(HttpResponse<String> response) {
    String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
    return challenge.contains("invalid_token") || response.body().contains("invalid_token");
  }

  private JsonNode body(String path, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 200) {
      try {
        return json.readTree(response.body());
      } catch (IOException e) {
        throw new VendorApiException(
            Kind.UNAVAILABLE, status, null, "GET " + pathOnly(path) + ": body is not JSON", e);
      }
    }
    throw TokenCache.failure("GET " + pathOnly(path), response);
  }

  private static Iterable<JsonNode> data(JsonNode body) {
    JsonNode data = body.path("data");
    return data.isArray() ? data : List.of();
  }

  private static Instant time(JsonNode node) {
    try {
      return Instant.parse(node.asText());
    } catch (DateTimeParseException e) {
      throw new VendorApiException(
          Kind.UNAVAILABLE, 200, null, "the cloud sent a bad timestamp: " + node.asText(), e);
    }
  }

  private static String pathOnly(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VendorApiException(Kind.UNAVAILABLE, 0, null, "interrupted", e);
    }
  }
}
