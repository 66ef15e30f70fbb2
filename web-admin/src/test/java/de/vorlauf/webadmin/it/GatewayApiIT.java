package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import java.net.URL;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Gateways through the REST API of the real WAR (the calls the simulator's provisioning makes):
 * CRUD, the namespace shared with devices, assignment of devices, credentials. Random ids per test.
 */
@SharedWar // one PostgreSQL, one WildFly, one deployment of the WAR for every IT class
@RunAsClient
class GatewayApiIT {

  final URL base = ItWar.base();

  @Test
  void gatewaysShareOneNamespaceWithDevicesAndTakeDevices() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String building = building(admin);
    String gateway = unique("gw");

    Reply created = admin.post("api/v1/gateways", gatewayBody(gateway, "rack 1"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Location")).endsWith("/api/v1/gateways/" + gateway);
    assertThat(created.json().get("mqttUsername").asText()).isEqualTo(gateway);
    assertThat(created.json().get("active").asBoolean()).isTrue();
    assertProblem(admin.post("api/v1/gateways", gatewayBody(gateway, "again")), 409, gateway);
    assertProblem(admin.post("api/v1/gateways", gatewayBody("a/b", null)), 400, "id must be");
    assertProblem(admin.post("api/v1/devices", device(gateway, building, null)), 409, "namespace");

    String device = unique("gb");
    Reply assigned = admin.post("api/v1/devices", device(device, building, gateway));
    assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
    assertThat(assigned.json().get("gatewayId").asText()).isEqualTo(gateway);
    assertProblem(admin.post("api/v1/gateways", gatewayBody(device, null)), 409, "namespace");
    assertProblem(
        admin.post("api/v1/devices", device(unique("gb"), building, "no-such-gateway")),
        400,
        "gateway 'no-such-gateway' does not exist");

    String loose = unique("gb");
    // JSON-B leaves null out: no gateway means no gatewayId
    assertThat(admin.post("api/v1/devices", device(loose, building, null)).json().has("gatewayId"))
        .isFalse();
    Reply moved = admin.put("api/v1/devices/" + loose, device(loose, building, gateway));
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    JsonNode page = admin.get("api/v1/devices?gatewayId=" + gateway).json();
    assertThat(page.get("total").asLong()).isEqualTo(2);

    Reply unassigned = admin.put("api/v1/devices/" + loose, device(loose, building, null));
    assertThat(unassigned.json().hasNonNull("gatewayId")).isFalse();

    Reply deactivated = admin.post("api/v1/gateways/" + gateway + "/deactivate", null);
    assertThat(deactivated.json().get("active").asBoolean()).isFalse();
    assertProblem(admin.put("api/v1/devices/" + loose, device(loose, building, gateway)), 409, "");
    // a device keeps its assignment to a gateway deactivated later
    Reply kept = admin.put("api/v1/devices/" + device, device(device, building, gateway));
    assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
    Reply reactivated = admin.post("api/v1/gateways/" + gateway + "/reactivate", null);
    assertThat(reactivated.json().get("active").asBoolean()).isTrue();

    Reply described = admin.put("api/v1/gateways/" + gateway, gatewayBody(gateway, "rack 2"));
    assertThat(described.json().get("description").asText()).isEqualTo("rack 2");
    assertThat(admin.get("api/v1/gateways?q=" + gateway).json().at("/items/0/description").asText())
        .isEqualTo("rack 2");
    assertProblem(admin.get("api/v1/gateways/" + unique("none")), 404, "does not exist");
  }

  @Test
  void gatewayCredentialsAreShownOnceRotatedAndRevoked() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String gateway = unique("gw");
    assertThat(admin.post("api/v1/gateways", gatewayBody(gateway, null)).status()).isEqualTo(201);
    String credentials = "api/v1/gateways/" + gateway + "/credentials";

    Reply issued = admin.post(credentials, null);
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    assertThat(issued.header("Cache-Control")).contains("no-store");
    String token = issued.json().get("token").asText();
    assertThat(token).startsWith("vlf_");
    assertThat(issued.json().get("mqttUsername").asText()).isEqualTo(gateway);
    assertThat(issued.json().at("/credential/gatewayId").asText()).isEqualTo(gateway);
    assertThat(issued.json().at("/credential/state").asText()).isEqualTo("valid");
    assertProblem(admin.post(credentials, null), 409, "rotate or revoke");
    assertThat(admin.get(credentials).toString()).doesNotContain(token);

    Reply rotated = admin.post(credentials + "/rotate?overlap=PT1H", null);
    assertThat(rotated.status()).isEqualTo(201);
    JsonNode list = admin.get(credentials).json();
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("state").asText()).isEqualTo("valid");
    assertThat(list.get(1).get("state").asText()).isEqualTo("expiring");

    long newest = list.get(0).get("id").asLong();
    assertThat(admin.delete(credentials + "/" + newest).json().get("state").asText())
        .isEqualTo("revoked");
    assertThat(admin.delete(credentials).json().get("revoked").asInt()).isEqualTo(1);
    assertThat(admin.get(credentials).json())
        .allMatch(c -> c.get("state").asText().equals("revoked"));
    assertProblem(admin.post(credentials + "/rotate?overlap=soon", null), 400, "ISO-8601");
    assertProblem(admin.get("api/v1/gateways/" + unique("none") + "/credentials"), 404, "");
  }

  private static void assertProblem(Reply reply, int status, String detail) throws Exception {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("detail").asText()).contains(detail);
  }

  private static String building(AdminClient admin) throws Exception {
    String id = unique("b");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("name", "gateway IT");
    body.put("timeZone", "Europe/Berlin");
    body.put("heatingType", "gas");
    assertThat(admin.post("api/v1/buildings", body).status()).isEqualTo(201);
    return id;
  }

  private static Map<String, Object> gatewayBody(String id, String description) {
    Map<String, Object> body = new HashMap<>();
    body.put("id", id);
    body.put("description", description);
    return body;
  }

  private static Map<String, Object> device(String id, String building, String gateway) {
    Map<String, Object> body = new HashMap<>();
    body.put("id", id);
    body.put("buildingId", building);
    body.put("gatewayId", gateway);
    return body;
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
