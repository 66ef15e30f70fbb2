package de.vorlauf.simulator.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.heating.NightSetback;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a small stand-in of the admin API (the real one needs WildFly): FORM login with the
 * session cookie, create-or-confirm on 409, correcting a device's gateway, buildings taken as the
 * registry holds them and read back page by page, and the credential round trip (revoke all, issue,
 * recognise by hint).
 */
class RestProvisionerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<String, String> entities = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> buildings = new ConcurrentSkipListMap<>();
  private volatile String issuedToken;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
    entities.put(
        "/api/v1/devices/d-old",
        "{\"id\":\"d-old\",\"buildingId\":\"b1\",\"gatewayId\":null,\"active\":true}");
    buildings.put("b-old", dto(new BuildingDefinition("B", OPS_CHANGED)));
  }

  private static final BuildingConfig SIMULATED =
      BuildingConfig.defaults("b-old", HeatingType.GAS, ZoneId.of("Europe/Berlin"));

  /** The same building after ops changed its curve in the registry. */
  private static final BuildingConfig OPS_CHANGED =
      SIMULATED.withCurve(new HeatingCurve(42.5, 1.25, 28, 72));

  private static ObjectNode dto(BuildingDefinition b) {
    ObjectNode dto = BuildingJson.body(JSON, b);
    dto.put("active", true);
    dto.put("createdAt", "2026-12-01T10:00:00Z");
    dto.put("updatedAt", "2026-12-01T10:00:00Z");
    return dto;
  }

  /** As the WAR answers: create (201 / 409), read one, list a page filtered by id or name. */
  private void handleBuilding(HttpExchange exchange, String method, String path, String body)
      throws IOException {
    if (method.equals("POST")) {
      ObjectNode input = (ObjectNode) JSON.readTree(body);
      input.put("active", true);
      input.put("createdAt", "2026-12-03T10:00:00Z");
      input.put("updatedAt", "2026-12-03T10:00:00Z");
      boolean created = buildings.putIfAbsent(input.path("id").asText(), input) == null;
      reply(exchange, created ? 201 : 409, created ? input.toString() : "{\"title\":\"exists\"}");
      return;
    }
    if (path.startsWith("/api/v1/buildings/")) {
      ObjectNode dto = buildings.get(path.substring("/api/v1/buildings/".length()));
      reply(exchange, dto == null ? 404 : 200, dto == null ? "{}" : dto.toString());
      return;
    }
    Map<String, String> query = new HashMap<>();
    for (String pair : exchange.getRequestURI().getQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    int page = Integer.parseInt(query.get("page"));
    int size = Integer.parseInt(query.get("size"));
    List<ObjectNode> matching =
        buildings.values().stream()
            .filter(b -> b.path("id").asText().contains(query.getOrDefault("q", "")))
            .toList();
    ArrayNode items = JSON.createArrayNode();
    matching.stream().skip((long) page * size).limit(size).forEach(items::add);
    ObjectNode answer = JSON.createObjectNode();
    answer.set("items", items);
    answer.put("page", page).put("size", size).put("total", matching.size());
    reply(exchange, 200, answer.toString());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(method + " " + path);
    String cookie = exchange.getRequestHeaders().getFirst("Cookie");
    if (path.equals("/j_security_check")) {
      boolean ok = body.contains("j_username=admin") && body.contains("j_password=s3cret");
      if (ok) {
        exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID=abc; Path=/");
      }
      reply(exchange, 200, ok ? "<html>ok</html>" : "<form action=j_security_check>");
      return;
    }
    if (path.equals("/")) {
      reply(exchange, 200, "<html>login</html>");
      return;
    }
    if (cookie == null || !cookie.contains("JSESSIONID=abc")) {
      reply(exchange, 401, "{}");
      return;
    }
    if (path.startsWith("/api/v1/buildings")) {
      handleBuilding(exchange, method, path, body);
      return;
    }
    if (path.endsWith("/credentials")) {
      switch (method) {
        case "DELETE" -> reply(exchange, 200, "{\"revoked\":1}");
        case "POST" -> {
          issuedToken = "vlf_ABCDefghijklmnop";
          reply(exchange, 201, "{\"token\":\"" + issuedToken + "\",\"mqttUsername\":\"x\"}");
        }
        default ->
            reply(
                exchange,
                200,
                "[{\"tokenHint\":\"vlf_ABCD…\",\"state\":\"valid\"},"
                    + "{\"tokenHint\":\"vlf_ZZZZ…\",\"state\":\"revoked\"}]");
      }
      return;
    }
    if (method.equals("POST")) {
      String id = body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
      String location = path + "/" + id;
      if (entities.putIfAbsent(location, body) != null) {
        reply(exchange, 409, "{\"title\":\"exists\"}");
      } else {
        reply(exchange, 201, body);
      }
      return;
    }
    if (method.equals("PUT")) {
      entities.put(path, body);
      reply(exchange, 200, body);
      return;
    }
    String entity = entities.get(path);
    reply(exchange, entity == null ? 404 : 200, entity == null ? "{}" : entity);
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @Test
  void aWrongPasswordIsReportedAtLogin() {
    assertThatThrownBy(() -> RestProvisioner.login(base(), "admin", "wrong"))
        .hasMessageContaining("login");
  }

  @Test
  void createsConfirmsExistingOnesAndCorrectsADevicesGateway() {
    RestProvisioner rest = RestProvisioner.login(base(), "admin", "s3cret");
    RegisteredBuilding building = rest.ensureBuilding(new BuildingDefinition("B", SIMULATED));
    rest.ensureGateway("gw1", "gateway");
    rest.ensureDevice("d-old", "b1", "gw1", "moved behind a gateway");

    assertThat(requests)
        .contains(
            "POST /api/v1/buildings",
            "GET /api/v1/buildings/b-old",
            "POST /api/v1/gateways",
            "POST /api/v1/devices",
            "GET /api/v1/devices/d-old",
            "PUT /api/v1/devices/d-old");
    assertThat(requests).doesNotContain("GET /api/v1/gateways/gw1");
    assertThat(entities.get("/api/v1/devices/d-old")).contains("\"gatewayId\":\"gw1\"");
    // the registry decides what the building runs: its entry comes back, not the definition
    assertThat(building.config()).isEqualTo(OPS_CHANGED);
    assertThat(building.updatedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    assertThat(requests).doesNotContain("PUT /api/v1/buildings/b-old");
  }

  @Test
  void aNewBuildingIsSentCompleteAndComesBackUnchanged() {
    RestProvisioner rest = RestProvisioner.login(base(), "admin", "s3cret");
    BuildingConfig config =
        BuildingConfig.defaults("b-new", HeatingType.WAERMEPUMPE, ZoneId.of("Europe/Vienna"))
            .withCurve(new HeatingCurve(27.3, 0.61, 20, 55))
            .withNightSetback(new NightSetback(true, 23, 5, 2.7));

    RegisteredBuilding created = rest.ensureBuilding(new BuildingDefinition("New", config));

    assertThat(created.config()).isEqualTo(config);
    assertThat(buildings.get("b-new").path("curveSlope").asDouble()).isEqualTo(0.61);
    assertThat(buildings.get("b-new").path("nightSetbackReduction").asDouble()).isEqualTo(2.7);
  }

  @Test
  void readsTheFleetsBuildingsBackPageByPage() {
    for (int i = 1; i <= 600; i++) {
      String id = "sim-%04d".formatted(i);
      buildings.put(
          id,
          dto(
              new BuildingDefinition(
                  id, BuildingConfig.defaults(id, HeatingType.GAS, ZoneId.of("Europe/Berlin")))));
    }
    RestProvisioner rest = RestProvisioner.login(base(), "admin", "s3cret");
    List<String> wanted = List.of("sim-0001", "sim-0599", "sim-0600", "sim-9999");

    List<RegisteredBuilding> read = rest.readBuildings(wanted);

    assertThat(read)
        .extracting(RegisteredBuilding::id)
        .containsExactlyInAnyOrder("sim-0001", "sim-0599", "sim-0600");
    // 600 buildings named sim-…: two pages of 500
    assertThat(requests).filteredOn("GET /api/v1/buildings"::equals).hasSize(2);
  }

  @Test
  void issuesByRevokingFirstAndRecognisesItsTokenByTheHint() {
    RestProvisioner rest = RestProvisioner.login(base(), "admin", "s3cret");
    Principal gateway = new Principal(Principal.Kind.GATEWAY, "gw1");

    String token = rest.issueCredential(gateway);

    assertThat(token).isEqualTo(issuedToken);
    assertThat(requests)
        .containsSubsequence(
            "DELETE /api/v1/gateways/gw1/credentials", "POST /api/v1/gateways/gw1/credentials");
    assertThat(rest.credentialValid(gateway, token)).isTrue();
    assertThat(rest.credentialValid(gateway, "vlf_ZZZZsomethingelse")).isFalse();
    assertThat(rest.credentialValid(gateway, "vlf_QQQQ")).isFalse();
  }
}
