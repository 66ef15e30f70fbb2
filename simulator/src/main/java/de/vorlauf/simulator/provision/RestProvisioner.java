package de.vorlauf.simulator.provision;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Provisions through Vorlauf's REST API as the admin, logged in the way a browser is (FORM login at
 * {@code /j_security_check}, then the session cookie). A 401 on the way (the session expired,
 * WildFly restarted) logs in again once. Create answers 409 when the entity exists: fine, then a
 * GET confirms it (a device is corrected where it differs; a building is taken as the registry
 * holds it). Thread-safe: the fleet is provisioned in parallel, and the registry is read again
 * while the simulation runs.
 */
public final class RestProvisioner implements Provisioner {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The admin API's largest page. */
  private static final int PAGE_SIZE = 500;

  private final URI base;
  private final String user;
  private final String password;
  private final HttpClient http;

  private RestProvisioner(URI base, String user, String password) {
    this.base = base;
    this.user = user;
    this.password = password;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Logs in; fails with the HTTP status when the password is wrong. */
  public static RestProvisioner login(URI base, String user, String password) {
    RestProvisioner provisioner =
        new RestProvisioner(base, Objects.requireNonNull(user), Objects.requireNonNull(password));
    provisioner.login();
    return provisioner;
  }

  private void login() {
    try {
      // a protected page first: the container remembers it and opens the session the form posts to
      http.send(
          HttpRequest.newBuilder(base.resolve("/")).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.discarding());
      String form =
          "j_username="
              + URLEncoder.encode(user, UTF_8)
              + "&j_password="
              + URLEncoder.encode(password, UTF_8);
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(base.resolve("/j_security_check"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .timeout(Duration.ofSeconds(30))
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 400
          || response.body().contains("j_security_check")
          || response.body().contains("login-error")) {
        throw new IllegalStateException(
            "login to " + base + " as " + user + " failed: HTTP " + response.statusCode());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach " + base + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while logging in", e);
    }
  }

  @Override
  public RegisteredBuilding ensureBuilding(BuildingDefinition b) {
    return BuildingJson.parse(
        createOrConfirm("/api/v1/buildings", b.id(), BuildingJson.body(JSON, b)));
  }

  /** Pages through the building list, narrowed by the ids' common prefix. */
  @Override
  public List<RegisteredBuilding> readBuildings(Collection<String> ids) {
    Set<String> wanted = new HashSet<>(ids);
    String prefix = commonPrefix(wanted);
    List<RegisteredBuilding> found = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode answer =
          send(
                  "GET",
                  "/api/v1/buildings?size="
                      + PAGE_SIZE
                      + "&page="
                      + page
                      + "&q="
                      + URLEncoder.encode(prefix, UTF_8),
                  null,
                  200)
              .body;
      JsonNode items = answer.path("items");
      for (JsonNode item : items) {
        if (wanted.contains(item.path("id").asText())) {
          found.add(BuildingJson.parse(item));
        }
      }
      if (items.size() < PAGE_SIZE || (page + 1L) * PAGE_SIZE >= answer.path("total").asLong()) {
        return found;
      }
    }
  }

  private static String commonPrefix(Set<String> ids) {
    String prefix = null;
    for (String id : ids) {
      if (prefix == null) {
        prefix = id;
      }
      int n = 0;
      while (n < prefix.length() && n < id.length() && prefix.charAt(n) == id.charAt(n)) {
        n++;
      }
      prefix = prefix.substring(0, n);
    }
    return prefix == null ? "" : prefix;
  }

  @Override
  public void ensureGateway(String gatewayId, String description) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", gatewayId);
    body.put("description", description);
    JsonNode gateway = createOrConfirm("/api/v1/gateways", gatewayId, body);
    if (!gateway.path("active").asBoolean(true)) {
      send("POST", "/api/v1/gateways/" + gatewayId + "/reactivate", null, 200);
    }
  }

  @Override
  public void ensureDevice(
      String deviceId, String buildingId, String gatewayId, String description) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", deviceId);
    body.put("buildingId", buildingId);
    body.put("description", description);
    if (gatewayId == null) {
      body.putNull("gatewayId");
    } else {
      body.put("gatewayId", gatewayId);
    }
    JsonNode device = createOrConfirm("/api/v1/devices", deviceId, body);
    String storedGateway =
        device.path("gatewayId").isTextual() ? device.path("gatewayId").asText() : null;
    if (!buildingId.equals(device.path("buildingId").asText())
        || !Objects.equals(gatewayId, storedGateway)) {
      send("PUT", "/api/v1/devices/" + deviceId, body, 200);
    }
    if (!device.path("active").asBoolean(true)) {
      send("POST", "/api/v1/devices/" + deviceId + "/reactivate", null, 200);
    }
  }

  @Override
  public boolean credentialValid(Principal principal, String token) {
    JsonNode list = send("GET", credentials(principal), null, 200).body;
    for (JsonNode credential : list) {
      String hint = credential.path("tokenHint").asText().replace("…", "");
      String state = credential.path("state").asText();
      if (!hint.isEmpty()
          && token.startsWith(hint)
          && (state.equals("valid") || state.equals("expiring"))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String issueCredential(Principal principal) {
    send("DELETE", credentials(principal), null, 200);
    JsonNode issued = send("POST", credentials(principal), null, 201).body;
    String token = issued.path("token").asText();
    if (token.isBlank()) {
      throw new IllegalStateException("no token in the answer for " + principal.id());
    }
    return token;
  }

  private static String credentials(Principal principal) {
    return "/api/v1/" + principal.kind().collection() + "/" + principal.id() + "/credentials";
  }

  private JsonNode createOrConfirm(String collection, String id, ObjectNode body) {
    Answer created = send("POST", collection, body, 201, 409);
    if (created.status == 201) {
      return created.body;
    }
    return send("GET", collection + "/" + id, null, 200).body;
  }

  private record Answer(int status, JsonNode body) {}

  private Answer send(String method, String path, JsonNode body, int... accepted) {
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response = exchange(method, path, body);
      if (response.statusCode() == 401 && attempt == 1) {
        login();
        continue;
      }
      for (int ok : accepted) {
        if (response.statusCode() == ok) {
          return new Answer(ok, parse(response.body()));
        }
      }
      if (response.statusCode() >= 500 && attempt < 5) {
        pause(attempt);
        continue;
      }
      throw new IllegalStateException(
          method + " " + path + " → HTTP " + response.statusCode() + ": " + response.body());
    }
  }

  private HttpResponse<String> exchange(String method, String path, JsonNode body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(base.resolve(path))
              .header("Accept", "application/json")
              .timeout(Duration.ofSeconds(30));
      if (body != null) {
        request.header("Content-Type", "application/json");
        request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + method + " " + path, e);
    }
  }

  private static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(500L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
