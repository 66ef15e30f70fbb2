package de.vorlauf.simulator.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a small stand-in of the admin API (the real one needs WildFly): FORM login with the
 * session cookie, create-or-confirm on 409, correcting a device's gateway, and the credential round
 * trip (revoke all, issue, recognise by hint).
 */
class RestProvisionerTest {

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<String, String> entities = new ConcurrentHashMap<>();
  private volatile String issuedToken;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
    entities.put(
        "/api/v1/devices/d-old",
        "{\"id\":\"d-old\",\"buildingId\":\"b1\",\"gatewayId\":null,\"active\":true}");
    entities.put("/api/v1/buildings/b-old", "{\"id\":\"b-old\"}");
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
    BuildingDefinition building =
        new BuildingDefinition(
            "b-old", "B", "Europe/Berlin", "gas", 120, true, 20, 22, true, 22, 6, 3);
    rest.ensureBuilding(building);
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
