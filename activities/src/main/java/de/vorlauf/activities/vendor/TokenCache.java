package de.vorlauf.activities.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.vorlauf.activities.vendor.VendorApiException.Kind;
import de.vorlauf.domain.vendor.VendorIntegration;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The OAuth2 client-credentials token of one integration, shared by all its requests. A token is
 * replaced a fifth of its lifetime (at most a minute) before it expires, so a request never starts
 * with a token about to lapse; {@link #invalidate} drops one the cloud refused early. The client
 * secret is read from its file at every token request, so a rotated secret needs no restart; it is
 * never logged.
 */
public class TokenCache {

  private static final Duration MAX_MARGIN = Duration.ofMinutes(1);
  private static final ObjectMapper ERRORS = new ObjectMapper();

  private final VendorIntegration integration;
  private final HttpClient http;
  private final ObjectMapper json;
  private final Clock clock;
  private AccessToken current;

  public TokenCache(
      VendorIntegration integration, HttpClient http, ObjectMapper json, Clock clock) {
    this.integration = integration;
    this.http = http;
    this.json = json;
    this.clock = clock;
  }

  public synchronized AccessToken token() {
    if (current == null || !current.freshAt(clock.instant())) {
      current = fetch();
    }
    return current;
  }

  /** Forgets {@code refused} unless another thread has replaced it already. */
  public synchronized void invalidate(AccessToken refused) {
    if (current == refused) {
      current = null;
    }
  }

  private AccessToken fetch() {
    String secret = secret();
    String credentials =
        Base64.getEncoder()
            .encodeToString(
                (integration.clientId() + ":" + secret).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(integration.baseUrl() + "/iam/oauth2/token"))
            .timeout(integration.requestTimeout())
            .header("Authorization", "Basic " + credentials)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "grant_type=client_credentials&client_id="
                        + URLEncoder.encode(integration.clientId(), StandardCharsets.UTF_8)))
            .build();
    Instant requestedAt = clock.instant();
    HttpResponse<String> response = exchange(http, request, integration);
    if (response.statusCode() != 200) {
      throw failure("token request", response);
    }
    try {
      JsonNode body = json.readTree(response.body());
      String token = body.path("access_token").asText(null);
      long expiresIn = body.path("expires_in").asLong(0);
      if (token == null || token.isBlank() || expiresIn <= 0) {
        throw new VendorApiException(
            Kind.UNAVAILABLE, 200, null, "token response without access_token or expires_in");
      }
      Duration lifetime = Duration.ofSeconds(expiresIn);
      Duration margin = lifetime.dividedBy(5);
      margin = margin.compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : margin;
      return new AccessToken(token, requestedAt.plus(lifetime).minus(margin));
    } catch (IOException e) {
      throw new VendorApiException(Kind.UNAVAILABLE, 200, null, "token response is not JSON", e);
    }
  }

  private String secret() {
    Path file = Path.of(integration.clientSecretFile());
    try {
      String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (secret.isEmpty()) {
        throw new VendorApiException(
            Kind.CONFIGURATION, 0, null, "client secret file " + file + " is empty");
      }
      return secret;
    } catch (IOException e) {
      throw new VendorApiException(
          Kind.CONFIGURATION,
          0,
          null,
          "cannot read the client secret file %s (%s)"
              .formatted(file, e.getClass().getSimpleName()),
          e);
    }
  }

  /** Sends a request; no response at all (timeout, refused connection) is UNAVAILABLE. */
  static HttpResponse<String> exchange(
      HttpClient http, HttpRequest request, VendorIntegration integration) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new VendorApiException(
          Kind.UNAVAILABLE,
          0,
          null,
          "%s %s: no answer within %s"
              .formatted(request.method(), request.uri().getPath(), integration.requestTimeout()),
          e);
    } catch (IOException e) {
      throw new VendorApiException(
          Kind.UNAVAILABLE,
          0,
          null,
          "%s %s: %s"
              .formatted(
                  request.method(),
                  request.uri().getPath(),
                  e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VendorApiException(Kind.UNAVAILABLE, 0, null, "interrupted", e);
    }
  }

  /** Classifies an error response; the message carries the cloud's error code, never a secret. */
  static VendorApiException failure(String what, HttpResponse<String> response) {
    int status = response.statusCode();
    String error = errorCode(response.body());
    String message = "%s: HTTP %d %s".formatted(what, status, error).strip();
    if (status == 429) {
      return new VendorApiException(
          Kind.RATE_LIMITED, status, retryAfter(response), message + " (rate limited)");
    }
    if ((status == 400 || status == 401) && error.contains("invalid_client")) {
      return new VendorApiException(
          Kind.CONFIGURATION,
          status,
          null,
          message + ": the cloud refuses the client id or secret — check the configuration");
    }
    if (status >= 500 || status == 401 || status == 408) {
      return new VendorApiException(Kind.UNAVAILABLE, status, null, message);
    }
    return new VendorApiException(Kind.REJECTED, status, null, message);
  }

  private static Duration retryAfter(HttpResponse<String> response) {
    Optional<String> header = response.headers().firstValue("Retry-After");
    try {
      long seconds = header.map(String::strip).map(Long::parseLong).orElse(1L);
      return Duration.ofSeconds(Math.max(1, seconds));
    } catch (NumberFormatException e) {
      // an HTTP date instead of seconds: rare, and a short wait is safe
      return Duration.ofSeconds(5);
    }
  }

  private static String errorCode(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      return ERRORS.readTree(body).path("error").asText("");
    } catch (IOException e) {
      return "";
    }
  }
}
