package de.vorlauf.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** An HTTP client logged in to the admin UI the way a browser is: FORM login, session cookie. */
final class AdminSession {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI base;

  private AdminSession(HttpClient http, URI base) {
    this.http = http;
    this.base = base;
  }

  static AdminSession login(String baseUrl, String user, String password) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    URI base = URI.create(baseUrl);
    // a protected page first: the container remembers it and opens the session the form posts to
    http.send(
        HttpRequest.newBuilder(base.resolve("/")).build(), HttpResponse.BodyHandlers.discarding());
    String form =
        "j_username="
            + URLEncoder.encode(user, UTF_8)
            + "&j_password="
            + URLEncoder.encode(password, UTF_8);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.body().contains("j_security_check") || response.body().contains("login-error")) {
      throw new IllegalStateException(
          "login as " + user + " failed: HTTP " + response.statusCode());
    }
    return new AdminSession(http, base);
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    return send(request(path).GET().build());
  }

  JsonNode post(String path) throws IOException, InterruptedException {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .header("Accept", "application/json")
        .timeout(Duration.ofSeconds(30));
  }

  private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          request.method()
              + " "
              + request.uri()
              + " → HTTP "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return JSON.readTree(response.body());
  }

  /**
   * The status entry of one service ({@code database}, {@code mqtt}, {@code temporal}, {@code
   * worker}).
   */
  JsonNode service(String name) throws IOException, InterruptedException {
    for (JsonNode service : get("/api/v1/status").path("services")) {
      if (name.equals(service.path("name").asText())) {
        return service;
      }
    }
    throw new AssertionError("no service '" + name + "' in the status");
  }
}
