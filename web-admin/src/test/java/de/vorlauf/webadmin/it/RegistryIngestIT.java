package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Registry, device credentials and REST ingestion in the real WAR on the provisioned WildFly,
 * against the migrated embedded PostgreSQL of {@link ItDatabase}. Every test works on buildings and
 * devices of its own (random ids), so the tests share no state.
 */
@SharedWar // one PostgreSQL, one WildFly, one deployment of the WAR for every IT class
@RunAsClient
class RegistryIngestIT {

  final URL base = ItWar.base();

  @Test
  void registryRoundTrip() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String building = unique("b");

    Reply created = admin.post("api/v1/buildings", building(building, "Musterstraße 1"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Location")).endsWith("/api/v1/buildings/" + building);
    JsonNode dto = created.json();
    assertThat(dto.get("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(dto.get("comfortTempMin").asDouble()).isEqualTo(20.0);
    assertThat(dto.get("nightSetbackStart").asInt()).isEqualTo(22);
    assertThat(dto.get("active").asBoolean()).isTrue();

    Reply duplicate = admin.post("api/v1/buildings", building(building, "again"));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.contentType()).startsWith("application/problem+json");
    assertThat(duplicate.json().get("detail").asText()).contains(building);

    Map<String, Object> invalid = building(unique("b"), "x");
    invalid.put("timeZone", "Mars/Olympus");
    invalid.put("heatingType", "coal");
    Reply refused = admin.post("api/v1/buildings", invalid);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("detail").asText())
        .contains("timeZone must be an IANA time zone id")
        .contains("heatingType must be one of gas, fernwaerme, waermepumpe, hybrid");

    Map<String, Object> changed = building(building, "Musterstraße 1a");
    changed.put("heatingType", "fernwaerme");
    changed.put("areaM2", 1250.0);
    Reply updated = admin.put("api/v1/buildings/" + building, changed);
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(admin.get("api/v1/buildings/" + building).json().get("heatingType").asText())
        .isEqualTo("fernwaerme");

    Reply list = admin.get("api/v1/buildings?q=" + building + "&size=5");
    assertThat(list.json().get("total").asLong()).isEqualTo(1);
    assertThat(list.json().at("/items/0/name").asText()).isEqualTo("Musterstraße 1a");

    String device = unique("gb");
    Reply createdDevice = admin.post("api/v1/devices", device(device, building));
    assertThat(createdDevice.status()).as(createdDevice.toString()).isEqualTo(201);
    assertThat(admin.post("api/v1/devices", device(device, building)).status()).isEqualTo(409);
    assertThat(admin.post("api/v1/devices", device(unique("gb"), "no-such-building")).status())
        .isEqualTo(400);
    assertThat(admin.get("api/v1/devices?buildingId=" + building).json().get("total").asLong())
        .isEqualTo(1);

    Reply deactivated = admin.post("api/v1/buildings/" + building + "/deactivate", null);
    assertThat(deactivated.json().get("devicesDeactivated").asInt()).isEqualTo(1);
    assertThat(admin.get("api/v1/devices/" + device).json().get("active").asBoolean()).isFalse();
    assertThat(
            admin.get("api/v1/buildings?active=false&q=" + building).json().get("total").asLong())
        .isEqualTo(1);
    assertThat(admin.post("api/v1/devices/" + device + "/reactivate", null).status())
        .isEqualTo(409);
    assertThat(admin.post("api/v1/buildings/" + building + "/reactivate", null).status())
        .isEqualTo(200);
    assertThat(
            admin
                .post("api/v1/devices/" + device + "/reactivate", null)
                .json()
                .get("active")
                .asBoolean())
        .isTrue();

    Reply missing = admin.get("api/v1/devices/" + unique("none"));
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).startsWith("application/problem+json");
  }

  @Test
  void deviceIngestsWithItsTokenUntilRevoked() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String device = registeredDevice(admin);
    AdminClient gateway = AdminClient.anonymous(base);

    Reply issued = admin.post("api/v1/devices/" + device + "/credentials", null);
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    assertThat(issued.header("Cache-Control")).contains("no-store");
    String token = issued.json().get("token").asText();
    assertThat(token).startsWith("vlf_");
    assertThat(admin.post("api/v1/devices/" + device + "/credentials", null).status())
        .isEqualTo(409);
    assertThat(admin.get("api/v1/devices/" + device + "/credentials").toString())
        .doesNotContain(token);

    Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
    Reply accepted =
        gateway.ingest(
            token,
            payload(
                device,
                time,
                reading("vorlauf_temp_hk1", 55.5, "°C"),
                reading("outdoor_temp", 3.25, "degC")));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    assertThat(accepted.json().get("status").asText()).isEqualTo("accepted");
    assertThat(accepted.json().get("readings_count").asInt()).isEqualTo(2);
    assertThat(accepted.json().get("quarantined")).isEmpty();
    assertThat(storedReadings(device))
        .containsExactlyInAnyOrder("outdoor_temp=3.25", "vorlauf_temp_hk1=55.5");

    // rotation without overlap: the old token stops at once, the new one works
    Reply rotated =
        admin.post("api/v1/devices/" + device + "/credentials/rotate?overlap=PT0S", null);
    assertThat(rotated.status()).isEqualTo(201);
    String next = rotated.json().get("token").asText();
    assertThat(
            gateway
                .ingest(
                    token,
                    payload(device, time.plusSeconds(1), reading("outdoor_temp", 3.5, "degC")))
                .status())
        .isEqualTo(401);
    assertThat(
            gateway
                .ingest(
                    next,
                    payload(device, time.plusSeconds(1), reading("outdoor_temp", 3.5, "degC")))
                .status())
        .isEqualTo(202);

    assertThat(
            admin.delete("api/v1/devices/" + device + "/credentials").json().get("revoked").asInt())
        .isEqualTo(1);
    Reply revoked =
        gateway.ingest(
            next, payload(device, time.plusSeconds(2), reading("outdoor_temp", 4.0, "degC")));
    assertThat(revoked.status()).isEqualTo(401);
    assertThat(revoked.contentType()).startsWith("application/problem+json");
    assertThat(revoked.header("WWW-Authenticate")).contains("Bearer");
    assertThat(
            gateway
                .ingest(null, payload(device, time, reading("outdoor_temp", 4.0, "degC")))
                .status())
        .isEqualTo(401);
    assertThat(
            gateway
                .ingest(
                    "vlf_" + "A".repeat(43),
                    payload(device, time, reading("outdoor_temp", 4.0, "degC")))
                .status())
        .isEqualTo(401);
    assertThat(storedReadings(device)).hasSize(3);
  }

  @Test
  void badBodiesAreRefusedOrPartlyQuarantined() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String device = registeredDevice(admin);
    String token =
        admin.post("api/v1/devices/" + device + "/credentials", null).json().get("token").asText();
    AdminClient gateway = AdminClient.anonymous(base);
    Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);

    Reply malformed = gateway.ingest(token, "{\"device_id\": ".getBytes(StandardCharsets.UTF_8));
    assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
    assertThat(malformed.contentType()).startsWith("application/problem+json");
    assertThat(malformed.json().get("quarantined").toString()).contains("malformed_json");

    Reply partly =
        gateway.ingest(
            token,
            payload(
                device,
                time,
                reading("vorlauf_temp_hk1", 61.0, "°C"),
                reading("vorlauf_temp_hk1_typo", 60.0, "°C"),
                reading("outdoor_temp", 999.0, "°C"),
                reading("ruecklauf_temp_hk1", 40.0, "furlongs")));
    assertThat(partly.status()).as(partly.toString()).isEqualTo(202);
    assertThat(partly.json().get("readings_count").asInt()).isEqualTo(1);
    List<String> reasons = new ArrayList<>();
    partly.json().get("quarantined").forEach(r -> reasons.add(r.asText()));
    assertThat(reasons).containsExactlyInAnyOrder("unknown_sensor", "out_of_range", "unknown_unit");
    assertThat(storedReadings(device)).containsExactly("vorlauf_temp_hk1=61.0");

    // the quarantine browser shows the refused parts with their payload
    JsonNode rows = admin.get("api/v1/quarantine?deviceId=" + device).json();
    assertThat(rows.get("total").asLong()).isEqualTo(4); // malformed body + three readings
    long id = rows.at("/items/0/id").asLong();
    assertThat(admin.get("api/v1/quarantine/" + id).json().get("payload").asText()).isNotBlank();

    Reply unknown =
        gateway.ingest(token, payload(unique("ghost"), time, reading("outdoor_temp", 1.0, "°C")));
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");

    byte[] huge = new byte[1_048_576 + 10];
    java.util.Arrays.fill(huge, (byte) ' ');
    Reply tooLarge = gateway.ingest(token, huge);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.contentType()).startsWith("application/problem+json");
  }

  @Test
  void opsSeeTheDeviceAndReingestFixesTheQuarantine() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String device = registeredDevice(admin);
    String token =
        admin.post("api/v1/devices/" + device + "/credentials", null).json().get("token").asText();
    AdminClient gateway = AdminClient.anonymous(base);
    Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(90);

    admin.post("api/v1/devices/" + device + "/deactivate", null);
    Reply inactive =
        gateway.ingest(token, payload(device, time, reading("indoor_temp", 21.0, "°C")));
    assertThat(inactive.status()).as(inactive.toString()).isEqualTo(403);
    assertThat(storedReadings(device)).isEmpty();

    admin.post("api/v1/devices/" + device + "/reactivate", null);
    Thread.sleep(11_000); // the pipeline trusts its device cache for 10 s
    Reply reingest =
        admin.post(
            "api/v1/quarantine/reingest", Map.of("deviceId", device, "reason", "inactive_device"));
    assertThat(reingest.status()).as(reingest.toString()).isEqualTo(200);
    assertThat(reingest.json().get("readingsStored").asInt()).isEqualTo(1);
    assertThat(storedReadings(device)).containsExactly("indoor_temp=21.0");
    assertThat(admin.get("api/v1/quarantine?deviceId=" + device).json().get("total").asLong())
        .isZero();

    // two messages of its own: a device is online from its second message (DeviceLiveness),
    // whether or not the reingested one counted
    gateway.ingest(token, payload(device, time.plusSeconds(1), reading("indoor_temp", 21.5, "°C")));
    gateway.ingest(token, payload(device, time.plusSeconds(2), reading("indoor_temp", 21.6, "°C")));
    // device status is flushed every second: wait for it, then check the whole row
    AtomicReference<JsonNode> found = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              for (JsonNode d : admin.get("api/v1/ops/devices").json()) {
                if (d.get("deviceId").asText().equals(device)
                    && d.get("state").asText().equals("online")) {
                  found.set(d);
                  return true;
                }
              }
              return false;
            });
    JsonNode mine = found.get();
    assertThat(mine.get("lastSeen").isNull()).isFalse();
    assertThat(mine.get("state").asText()).isEqualTo("online");
    assertThat(mine.get("readingsPerMinute").asDouble()).isGreaterThan(0);

    JsonNode overview = admin.get("api/v1/ops/overview").json();
    assertThat(overview.get("storageMode").asText()).isEqualTo("PostgreSQL (native partitions)");
    assertThat(overview.get("offlineAfterMinutes").asLong()).isEqualTo(10);
  }

  @Test
  void aDatabaseOutageAsksDevicesToComeBackLater(RunningPostgres postgres) throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String device = registeredDevice(admin);
    String token =
        admin.post("api/v1/devices/" + device + "/credentials", null).json().get("token").asText();
    AdminClient gateway = AdminClient.anonymous(base);
    Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(10);
    byte[] body = payload(device, time, reading("outdoor_temp", 7.5, "°C"));

    Reply busy;
    postgres.stop();
    try {
      busy = gateway.ingest(token, body);
    } finally {
      postgres.start();
    }

    assertThat(busy.status()).as(busy.toString()).isEqualTo(503);
    assertThat(busy.header("Retry-After")).isEqualTo("5");
    assertThat(busy.contentType()).startsWith("application/problem+json");
    // the pool recovers by itself: the same body is accepted once the database is back
    Reply accepted = gateway.ingest(token, body);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    assertThat(storedReadings(device)).containsExactly("outdoor_temp=7.5");
  }

  private String registeredDevice(AdminClient admin) throws Exception {
    String building = unique("b");
    assertThat(admin.post("api/v1/buildings", building(building, "IT building")).status())
        .isEqualTo(201);
    String device = unique("gb");
    assertThat(admin.post("api/v1/devices", device(device, building)).status()).isEqualTo(201);
    return device;
  }

  private static Map<String, Object> building(String id, String name) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("name", name);
    body.put("timeZone", "Europe/Berlin");
    body.put("heatingType", "gas");
    return body;
  }

  private static Map<String, Object> device(String id, String building) {
    return Map.of("id", id, "buildingId", building, "description", "boiler room");
  }

  private static Map<String, Object> reading(String sensor, double value, String unit) {
    return Map.of("sensor_id", sensor, "value", value, "unit", unit);
  }

  @SafeVarargs
  private static byte[] payload(String device, Instant time, Map<String, Object>... readings)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("device_id", device);
    body.put("timestamp", time.toString());
    body.put("readings", List.of(readings));
    return AdminClient.JSON.writeValueAsBytes(body);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** "sensor=value" of every stored reading of the device, straight from the database. */
  private static List<String> storedReadings(String device) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                System.getenv("VORLAUF_DB_URL"), "vorlauf", System.getenv("VORLAUF_DB_PASSWORD"));
        PreparedStatement s =
            c.prepareStatement(
                "SELECT sensor_id, value FROM sensor_readings WHERE device_id = ?")) {
      s.setString(1, device);
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1) + "=" + rs.getDouble(2));
        }
      }
      return rows;
    }
  }
}
