package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * The API behind the rebuilt UI in the real WAR: every mutation lands in the audit log with who,
 * what, which object, the reason and the outcome; errors about input name their field; the
 * quarantine refuses an unknown reason instead of answering nothing; a device's connection details.
 */
@SharedWar // one PostgreSQL, one WildFly, one deployment of the WAR for every IT class
@RunAsClient
class AuditAndTriageApiIT {

  final URL base = ItWar.base();

  @Test
  void everyMutationIsAuditedWithItsReasonAndReadsAreNot() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String building = "audit-" + UUID.randomUUID().toString().substring(0, 6);
    String device = building + "-gb";
    assertThat(admin.post("api/v1/buildings", building(building, "Prüfhaus")).status())
        .isEqualTo(201);
    assertThat(admin.post("api/v1/devices", Map.of("id", device, "buildingId", building)).status())
        .isEqualTo(201);
    long credential =
        admin
            .post("api/v1/devices/" + device + "/credentials", null)
            .json()
            .get("credential")
            .get("id")
            .asLong();
    admin.get("api/v1/buildings/" + building);

    Reply revoked =
        admin.withReason(
            "DELETE",
            "api/v1/devices/" + device + "/credentials/" + credential,
            null,
            "Gerät getauscht, Zähler defekt");
    assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
    Reply deactivated =
        admin.withReason(
            "POST", "api/v1/buildings/" + building + "/deactivate", null, "Verkauft (100 %)");
    assertThat(deactivated.status()).isEqualTo(200);

    JsonNode onBuilding = admin.get("api/v1/audit?objectId=" + building).json();
    assertThat(onBuilding.get("total").asLong()).as("the GET is no mutation").isEqualTo(2);
    JsonNode deactivation = onBuilding.get("items").get(0);
    assertThat(deactivation.get("action").asText()).isEqualTo("building.deactivate");
    assertThat(deactivation.get("objectType").asText()).isEqualTo("building");
    assertThat(deactivation.get("reason").asText()).isEqualTo("Verkauft (100 %)");
    assertThat(deactivation.get("actor").asText()).isEqualTo("admin");
    assertThat(deactivation.get("outcome").asText()).isEqualTo("succeeded");
    assertThat(deactivation.get("httpStatus").asInt()).isEqualTo(200);
    assertThat(deactivation.get("client").asText()).isEqualTo("api");
    assertThat(onBuilding.get("items").get(1).get("action").asText()).isEqualTo("building.create");

    JsonNode onDevice = admin.get("api/v1/audit?objectId=" + device).json().get("items");
    assertThat(onDevice.get(0).get("action").asText()).isEqualTo("credential.revoke");
    assertThat(onDevice.get(0).get("objectType").asText()).isEqualTo("device");
    assertThat(onDevice.get(0).get("detail").asText()).isEqualTo("credentialId=" + credential);
    assertThat(onDevice.get(0).get("reason").asText()).isEqualTo("Gerät getauscht, Zähler defekt");
    assertThat(onDevice.get(1).get("action").asText()).isEqualTo("credential.issue");

    Reply tooLong =
        admin.withReason(
            "POST", "api/v1/buildings/" + building + "/reactivate", null, "x".repeat(1001));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
    JsonNode refused = admin.get("api/v1/audit?objectId=" + building + "&outcome=refused").json();
    assertThat(refused.get("items").get(0).get("action").asText()).isEqualTo("building.reactivate");

    assertThat(admin.get("api/v1/audit/actions").json().toString())
        .contains("building.deactivate", "credential.revoke");
    Reply badOutcome = admin.get("api/v1/audit?outcome=maybe");
    assertThat(badOutcome.status()).isEqualTo(400);
    assertThat(badOutcome.json().get("errors").get(0).get("field").asText()).isEqualTo("outcome");
  }

  @Test
  void inputErrorsNameTheirFields() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    Map<String, Object> wrong =
        building("field-" + UUID.randomUUID().toString().substring(0, 6), "x".repeat(300));
    wrong.put("timeZone", "Mars/Olympus");
    Reply refused = admin.post("api/v1/buildings", wrong);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    Map<String, String> byField = new java.util.HashMap<>();
    refused
        .json()
        .get("errors")
        .forEach(e -> byField.put(e.get("field").asText(), e.get("message").asText()));
    assertThat(byField)
        .containsEntry("name", "name must be at most 200 characters")
        .containsEntry("timeZone", "timeZone must be an IANA time zone id such as Europe/Berlin");

    Reply noBuilding =
        admin.post(
            "api/v1/devices",
            Map.of(
                "id",
                "orphan-" + UUID.randomUUID().toString().substring(0, 6),
                "buildingId",
                "nowhere"));
    assertThat(noBuilding.status()).isEqualTo(400);
    assertThat(noBuilding.json().get("errors").get(0).get("field").asText())
        .isEqualTo("buildingId");
  }

  @Test
  void theQuarantineRefusesAnUnknownReasonAndGroups() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    Reply unknown = admin.get("api/v1/quarantine?reason=no_such_reason");
    assertThat(unknown.status()).isEqualTo(400);
    JsonNode error = unknown.json().get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("reason");
    assertThat(error.get("message").asText()).contains("out_of_range", "unknown_device");

    assertThat(admin.get("api/v1/quarantine?reason=out_of_range&sensorId=outdoor_temp").status())
        .isEqualTo(200);
    assertThat(admin.get("api/v1/quarantine/groups?by=sensor").status()).isEqualTo(200);
    Reply badGroup = admin.get("api/v1/quarantine/groups?by=colour");
    assertThat(badGroup.status()).isEqualTo(400);
    assertThat(badGroup.json().get("errors").get(0).get("field").asText()).isEqualTo("by");
  }

  @Test
  void aDeviceConnectionSaysWhereAndHowToSend() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String building = "conn-" + UUID.randomUUID().toString().substring(0, 6);
    String device = building + "-gb";
    admin.post("api/v1/buildings", building(building, "Anschluss"));
    admin.post("api/v1/devices", Map.of("id", device, "buildingId", building));

    JsonNode connection = admin.get("api/v1/devices/" + device + "/connection").json();
    assertThat(connection.get("mqttUsername").asText()).isEqualTo(device);
    assertThat(connection.get("topics").get(0).asText())
        .isEqualTo("greenbox/" + device + "/sensors");
    assertThat(connection.get("sensorTopic").asText())
        .isEqualTo("greenbox/" + device + "/sensors/<sensor_id>");
    assertThat(connection.get("httpIngestUrl").asText()).endsWith("/api/v1/ingest");
    JsonNode example = AdminClient.JSON.readTree(connection.get("examplePayload").asText());
    assertThat(example.get("device_id").asText()).isEqualTo(device);
    assertThat(example.get("readings")).isNotEmpty();
    assertThat(admin.get("api/v1/devices/nobody/connection").status()).isEqualTo(404);
  }

  @Test
  void registryListsSortByTheirColumns() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String prefix = "sort-" + UUID.randomUUID().toString().substring(0, 6);
    admin.post("api/v1/buildings", building(prefix + "-a", "Zeppelinhaus"));
    admin.post("api/v1/buildings", building(prefix + "-b", "Ahornhof"));
    JsonNode byName = admin.get("api/v1/buildings?q=" + prefix + "&sort=name").json();
    assertThat(byName.get("items").get(0).get("name").asText()).isEqualTo("Ahornhof");
    JsonNode byIdDown = admin.get("api/v1/buildings?q=" + prefix + "&sort=id&dir=desc").json();
    assertThat(byIdDown.get("items").get(0).get("id").asText()).isEqualTo(prefix + "-b");
    Reply wrong = admin.get("api/v1/devices?sort=colour");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().get("errors").get(0).get("field").asText()).isEqualTo("sort");
  }

  private static Map<String, Object> building(String id, String name) {
    Map<String, Object> b = new java.util.HashMap<>();
    b.put("id", id);
    b.put("name", name);
    b.put("timeZone", "Europe/Berlin");
    b.put("heatingType", "gas");
    return b;
  }
}
