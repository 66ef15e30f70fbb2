package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** HTTP calls against the deployed WAR: as the logged-in admin, or as a device with a token. */
final class AdminClient {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String base;
  private final HttpClient http;

  private AdminClient(URL base, HttpClient http) {
    this.base = base.toExternalForm().replaceAll("/+$", "");
    this.http = http;
  }

  static AdminClient loggedIn(URL base) throws IOException, InterruptedException {
    AdminClient client =
        new AdminClient(
            base,
            HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build());
    client.http.send(client.request("").GET().build(), HttpResponse.BodyHandlers.discarding());
    String form =
        "j_username=admin&j_password="
            + URLEncoder.encode(ItDatabase.ADMIN_PASSWORD, StandardCharsets.UTF_8);
    HttpResponse<String> login =
        client.http.send(
            client
                .request("j_security_check")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
    return client;
  }

  /** The session's cookies as a {@code Cookie} header, for a load client of its own. */
  String cookieHeader() {
    CookieManager cookies = (CookieManager) http.cookieHandler().orElseThrow();
    return String.join(
        "; ", cookies.getCookieStore().getCookies().stream().map(Object::toString).toList());
  }

  static AdminClient anonymous(URL base) {
    return new AdminClient(base, HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
  }

  Reply get(String path) throws IOException, InterruptedException {
    return send(request(path).GET().build());
  }

  /** GET with the given Accept header instead of JSON. */
  Reply get(String path, String accept) throws IOException, InterruptedException {
    return send(request(path).setHeader("Accept", accept).GET().build());
  }

  Reply post(String path, Object body) throws IOException, InterruptedException {
    return send(json(path, body).POST(publisher(body)).build());
  }

  Reply put(String path, Object body) throws IOException, InterruptedException {
    return send(json(path, body).PUT(publisher(body)).build());
  }

  Reply delete(String path) throws IOException, InterruptedException {
    return send(request(path).DELETE().build());
  }

  /** A mutation with the reason the admin UI sends for the audit log (percent-encoded UTF-8). */
  Reply withReason(String method, String path, Object body, String reason)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        json(path, body)
            .header("Vorlauf-Reason", URLEncoder.encode(reason, StandardCharsets.UTF_8))
            .method(method, publisher(body));
    return send(request.build());
  }

  /** POST /api/v1/ingest as a device; a null token sends no Authorization header. */
  Reply ingest(String token, byte[] body) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        request("api/v1/ingest")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  private HttpRequest.Builder json(String path, Object body) {
    return request(path).header("Content-Type", "application/json");
  }

  private static HttpRequest.BodyPublisher publisher(Object body) throws IOException {
    return body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + "/" + path))
        .timeout(TIMEOUT)
        .setHeader("Accept", "application/json, application/problem+json");
  }

  private Reply send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(response);
  }

  record Reply(HttpResponse<String> response) {
    int status() {
      return response.statusCode();
    }

    JsonNode json() throws IOException {
      return JSON.readTree(response.body());
    }

    String contentType() {
      return response.headers().firstValue("Content-Type").orElse("");
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return response.statusCode() + " " + response.body();
    }
  }
}
