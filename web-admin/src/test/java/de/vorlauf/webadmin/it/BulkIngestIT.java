package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /api/v1/ingest/bulk} (docs/device-protocol.md) in the real WAR on the provisioned
 * WildFly, against the migrated embedded PostgreSQL of {@link ItDatabase}: what a gateway uploading
 * its buffer sees. Runs in a WildFly of its own whose write queues hold 1,000 readings
 * (VORLAUF_INGEST_QUEUE_ROWS, failsafe execution {@code small-ingest-queues} in web-admin/pom.xml),
 * so that a few uploads fill the backlog lane. Every test uses devices of its own.
 */
@Tag("small-ingest-queues")
@ExtendWith({ItDatabase.class, ArquillianExtension.class}) // the database first: see ItDatabase
@RunAsClient
class BulkIngestIT {

  /** The four temperature sensors of the catalogue: four readings per message, one unit. */
  private static final List<String> SENSORS =
      List.of("vorlauf_temp_hk1", "ruecklauf_temp_hk1", "outdoor_temp", "indoor_temp");

  /** Two days ago, minute-aligned: history, within raw retention. */
  private static final Instant T0 =
      Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(2));

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(AdminClient.TIMEOUT).build();

  private static int queueRows;
  private static int maxBodyBytes;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive war() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
  }

  @BeforeAll
  static void settingsOfThisWildFly() {
    // the WildFly inherits this JVM's environment (web-admin/pom.xml)
    queueRows = Integer.parseInt(System.getenv("VORLAUF_INGEST_QUEUE_ROWS"));
    maxBodyBytes = Integer.parseInt(System.getenv("VORLAUF_INGEST_MAX_BODY_BYTES"));
  }

  @Test
  void storesEveryReadingOfTheUploadAndARepeatOnlyAsDuplicates() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    Device device = registeredDevice(admin, registeredBuilding(admin));
    List<Map<String, Object>> messages = messages(device.id(), 0, 50);
    byte[] body = json(messages);

    Reply first = bulk(device.token(), body);

    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.contentType()).startsWith("application/json");
    JsonNode answer = first.json();
    assertThat(answer.get("status").asText()).isEqualTo("committed");
    assertThat(answer.get("messages").asInt()).isEqualTo(50);
    assertThat(answer.get("readings").asInt()).isEqualTo(200);
    assertThat(answer.get("inserted").asInt()).isEqualTo(200);
    assertThat(answer.get("duplicates").asInt()).isZero();
    assertThat(answer.get("quarantined")).isEmpty();
    // committed when answered: no waiting
    assertThat(storedReadings(device.id())).containsExactlyInAnyOrderElementsOf(readings(messages));

    Reply again = bulk(device.token(), body);

    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().get("inserted").asInt()).isZero();
    assertThat(again.json().get("duplicates").asInt()).isEqualTo(200);
    assertThat(storedReadings(device.id())).hasSize(200);
  }

  @Test
  void anUploadWithoutAValidTokenIsRefusedAndNothingStored() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    Device device = registeredDevice(admin, registeredBuilding(admin));
    byte[] body = json(messages(device.id(), 0, 3));

    Reply missing = bulk(null, body);
    assertThat(missing.status()).as(missing.toString()).isEqualTo(401);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(missing.json().get("title").asText()).isEqualTo("Token missing");

    Reply unknown = bulk("vlf_" + "A".repeat(43), body);
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(401);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(unknown.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    assertThat(unknown.json().get("title").asText()).isEqualTo("Token not valid");

    // the ops login is no device credential
    Reply session = admin.post("api/v1/ingest/bulk", messages(device.id(), 0, 3));
    assertThat(session.status()).as(session.toString()).isEqualTo(401);

    assertThat(storedReadings(device.id())).isEmpty();
  }

  @Test
  void unusableMessagesAreQuarantinedAndTheRestStored() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String building = registeredBuilding(admin);
    Device device = registeredDevice(admin, building);
    Device neighbour = registeredDevice(admin, building);

    List<Map<String, Object>> good = messages(device.id(), 0, 3);
    Map<String, Object> badTime = message(device.id(), 10);
    badTime.put("timestamp", "yesterday");
    Map<String, Object> othersId = message(neighbour.id(), 11);
    // a good message but for one reading out of its sensor's range
    Map<String, Object> outOfRange = message(device.id(), 12);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> outOfRangeReadings =
        (List<Map<String, Object>>) outOfRange.get("readings");
    outOfRangeReadings.set(2, reading("outdoor_temp", 99.0));
    // "garbage" is no message object at all: refused as malformed, like a broken MQTT message
    List<Object> upload =
        List.of(good.get(0), badTime, "garbage", good.get(1), good.get(2), othersId, outOfRange);

    Reply reply = bulk(device.token(), json(upload));

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode answer = reply.json();
    assertThat(answer.get("messages").asInt()).isEqualTo(7);
    assertThat(answer.get("readings").asInt()).isEqualTo(3 * 4 + 3);
    assertThat(answer.get("inserted").asInt()).isEqualTo(15);
    assertThat(reasons(answer.get("quarantined")))
        .containsExactlyInAnyOrder(
            "invalid_timestamp", "malformed_json", "device_mismatch", "out_of_range");
    List<String> expected = new ArrayList<>(readings(good));
    expected.addAll(readings(List.of(outOfRange)));
    expected.removeIf(r -> r.startsWith("outdoor_temp@") && r.endsWith("=99.0"));
    assertThat(storedReadings(device.id())).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(storedReadings(neighbour.id())).isEmpty();

    // ops find every refused part in the quarantine, under the token's device
    JsonNode quarantine = admin.get("api/v1/quarantine?deviceId=" + device.id()).json();
    List<String> quarantined = new ArrayList<>();
    quarantine.get("items").forEach(row -> quarantined.add(row.get("reason").asText()));
    assertThat(quarantined)
        .containsExactlyInAnyOrder(
            "invalid_timestamp", "malformed_json", "device_mismatch", "out_of_range");

    // a body that is no array of messages is refused whole, with the reason
    Reply notAnArray = bulk(device.token(), json(message(device.id(), 20)));
    assertThat(notAnArray.status()).as(notAnArray.toString()).isEqualTo(400);
    assertThat(notAnArray.contentType()).startsWith("application/problem+json");
    assertThat(notAnArray.json().get("detail").asText()).contains("JSON array");
    assertThat(storedReadings(device.id())).hasSameSizeAs(expected);

    // no usable reading in the whole upload: answered as a single body would be, quarantined
    Reply nothingUsable = bulk(device.token(), json(List.of("garbage", badTime)));
    assertThat(nothingUsable.status()).as(nothingUsable.toString()).isEqualTo(400);
    assertThat(nothingUsable.contentType()).startsWith("application/problem+json");
    assertThat(reasons(nothingUsable.json().get("quarantined")))
        .containsExactlyInAnyOrder("malformed_json", "invalid_timestamp");
  }

  @Test
  void aDeactivatedDeviceIsToldSoAndItsUploadKeptInTheQuarantine() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    Device device = registeredDevice(admin, registeredBuilding(admin));
    assertThat(admin.post("api/v1/devices/" + device.id() + "/deactivate", null).status())
        .isEqualTo(200);

    Reply refused = bulk(device.token(), json(messages(device.id(), 0, 3)));

    // not a 200: the gateway must not delete its buffer as acknowledged without learning why
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("title").asText()).isEqualTo("Device deactivated");
    assertThat(storedReadings(device.id())).isEmpty();
    assertThat(quarantineRows(device.id())).isEqualTo(3);
  }

  /**
   * Three gateways upload at once while the database does not commit (the test holds a lock on the
   * readings table): two uploads fill the backlog lane but for room for 50 messages, the third has
   * 61. The third is answered 503 + Retry-After, after what it had queued is committed; sending it
   * again stores the rest, and nothing is stored twice or lost.
   */
  @Test
  void aFullBacklogLaneAnswers503AndTheSameRequestAgainStoresEveryReadingOnce() throws Exception {
    int fillerMessages = 100;
    int roomLeft = queueRows - 2 * fillerMessages * SENSORS.size();
    assertThat(roomLeft).as("room left by two fillers in VORLAUF_INGEST_QUEUE_ROWS").isPositive();
    int taken = roomLeft / SENSORS.size(); // messages of the third upload that fit

    AdminClient admin = AdminClient.loggedIn(base);
    String building = registeredBuilding(admin);
    Device fillerA = registeredDevice(admin, building);
    Device fillerB = registeredDevice(admin, building);
    Device gateway = registeredDevice(admin, building);
    // each filler ends in a message the pipeline quarantines at once: when its row is there,
    // everything before it is queued
    List<Object> uploadA = new ArrayList<>(messages(fillerA.id(), 0, fillerMessages));
    uploadA.add("queued-" + fillerA.id());
    List<Object> uploadB = new ArrayList<>(messages(fillerB.id(), 0, fillerMessages));
    uploadB.add("queued-" + fillerB.id());
    // the third: what fits, a marker, then 10 messages more than the lane takes
    List<Map<String, Object>> gatewayMessages = messages(gateway.id(), 0, taken + 10);
    List<Object> upload = new ArrayList<>(gatewayMessages.subList(0, taken));
    upload.add("queued-" + gateway.id());
    upload.addAll(gatewayMessages.subList(taken, gatewayMessages.size()));
    byte[] gatewayBody = json(upload);

    CompletableFuture<Reply> answerA;
    CompletableFuture<Reply> answerB;
    CompletableFuture<Reply> answer;
    try (Connection db = database()) {
      db.setAutoCommit(false);
      try (Statement lock = db.createStatement()) {
        // blocks the writer's COPY and INSERT; readers (the registry, the quarantine) go on
        lock.execute("LOCK TABLE readings IN SHARE MODE");
      }
      try {
        answerA = bulkAsync(fillerA.token(), json(uploadA));
        answerB = bulkAsync(fillerB.token(), json(uploadB));
        awaitQuarantined(fillerA.id(), 1);
        awaitQuarantined(fillerB.id(), 1);
        answer = bulkAsync(gateway.token(), gatewayBody);
        awaitQuarantined(gateway.id(), 1);
        assertThat(answerA).isNotDone();
        assertThat(answer).isNotDone();
      } finally {
        db.rollback();
      }
    }

    Reply busy = answer.get(60, TimeUnit.SECONDS);
    assertThat(busy.status()).as(busy.toString()).isEqualTo(503);
    assertThat(busy.contentType()).startsWith("application/problem+json");
    assertThat(busy.header("Retry-After")).isEqualTo("5");
    assertThat(busy.json().get("detail").asText())
        .contains("backlog lane is full")
        .contains((taken + 1) + " of " + upload.size() + " messages were taken");
    for (CompletableFuture<Reply> filler : List.of(answerA, answerB)) {
      Reply done = filler.get(60, TimeUnit.SECONDS);
      assertThat(done.status()).as(done.toString()).isEqualTo(200);
      assertThat(done.json().get("inserted").asInt()).isEqualTo(fillerMessages * SENSORS.size());
    }
    // what was taken before the 503 was committed before it was answered
    assertThat(storedReadings(gateway.id()))
        .containsExactlyInAnyOrderElementsOf(readings(gatewayMessages.subList(0, taken)));

    // as the protocol says: wait Retry-After, then send the same request again
    Thread.sleep(Duration.ofSeconds(Long.parseLong(busy.header("Retry-After"))).toMillis());
    Reply retried = bulk(gateway.token(), gatewayBody);

    assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
    JsonNode answered = retried.json();
    assertThat(answered.get("messages").asInt()).isEqualTo(upload.size());
    assertThat(answered.get("readings").asInt()).isEqualTo(gatewayMessages.size() * 4);
    assertThat(answered.get("inserted").asInt()).isEqualTo(10 * SENSORS.size());
    assertThat(answered.get("duplicates").asInt()).isEqualTo(taken * SENSORS.size());
    assertThat(reasons(answered.get("quarantined"))).containsExactly("malformed_json");
    assertThat(storedReadings(gateway.id()))
        .containsExactlyInAnyOrderElementsOf(readings(gatewayMessages));
    assertThat(storedReadings(fillerA.id()))
        .containsExactlyInAnyOrderElementsOf(readings(messages(fillerA.id(), 0, fillerMessages)));
    assertThat(storedReadings(fillerB.id())).hasSize(fillerMessages * SENSORS.size());
    // the repeated marker is the same quarantine row, not a second one
    assertThat(quarantineRows(gateway.id())).isEqualTo(1);
  }

  private record Device(String id, String token) {}

  private static String registeredBuilding(AdminClient admin) throws Exception {
    String building = unique("b");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", building);
    body.put("name", "bulk upload IT");
    body.put("timeZone", "Europe/Berlin");
    body.put("heatingType", "gas");
    Reply created = admin.post("api/v1/buildings", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return building;
  }

  private static Device registeredDevice(AdminClient admin, String building) throws Exception {
    String device = unique("gb");
    Reply created =
        admin.post(
            "api/v1/devices",
            Map.of("id", device, "buildingId", building, "description", "gateway"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    Reply issued = admin.post("api/v1/devices/" + device + "/credentials", null);
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    return new Device(device, issued.json().get("token").asText());
  }

  /** {@code count} messages of the device, one a minute from {@code T0 + first} minutes. */
  private static List<Map<String, Object>> messages(String device, int first, int count) {
    List<Map<String, Object>> messages = new ArrayList<>(count);
    for (int i = first; i < first + count; i++) {
      messages.add(message(device, i));
    }
    return messages;
  }

  private static Map<String, Object> message(String device, int minute) {
    List<Map<String, Object>> readings = new ArrayList<>(SENSORS.size());
    for (int s = 0; s < SENSORS.size(); s++) {
      readings.add(reading(SENSORS.get(s), 10 + s * 5 + (minute % 40) * 0.25));
    }
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("device_id", device);
    message.put("timestamp", T0.plus(Duration.ofMinutes(minute)).toString());
    message.put("readings", readings);
    return message;
  }

  private static Map<String, Object> reading(String sensor, double value) {
    Map<String, Object> reading = new LinkedHashMap<>();
    reading.put("sensor_id", sensor);
    reading.put("value", value);
    reading.put("unit", "degC");
    return reading;
  }

  /** "sensor@time=value" of every reading of the messages, as {@link #storedReadings} has them. */
  @SuppressWarnings("unchecked")
  private static List<String> readings(List<Map<String, Object>> messages) {
    List<String> readings = new ArrayList<>();
    for (Map<String, Object> message : messages) {
      Instant time = Instant.parse((String) message.get("timestamp"));
      for (Map<String, Object> r : (List<Map<String, Object>>) message.get("readings")) {
        readings.add(r.get("sensor_id") + "@" + time + "=" + r.get("value"));
      }
    }
    return readings;
  }

  private static List<String> reasons(JsonNode codes) {
    List<String> reasons = new ArrayList<>();
    codes.forEach(code -> reasons.add(code.asText()));
    return reasons;
  }

  private byte[] json(Object body) throws IOException {
    byte[] bytes = AdminClient.JSON.writeValueAsBytes(body);
    assertThat(bytes.length)
        .as("body within VORLAUF_INGEST_MAX_BODY_BYTES")
        .isLessThanOrEqualTo(maxBodyBytes);
    return bytes;
  }

  private Reply bulk(String token, byte[] body) throws Exception {
    return bulkAsync(token, body).get(AdminClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /** POST /api/v1/ingest/bulk as a device; a null token sends no Authorization header. */
  private CompletableFuture<Reply> bulkAsync(String token, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(base.toExternalForm().replaceAll("/+$", "") + "/api/v1/ingest/bulk"))
            .timeout(AdminClient.TIMEOUT)
            .header("Accept", "application/json, application/problem+json")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(Reply::new);
  }

  private static void awaitQuarantined(String device, int rows) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> quarantineRows(device) >= rows);
  }

  private static int quarantineRows(String device) throws SQLException {
    try (Connection c = database();
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM quarantine WHERE device_id = ?")) {
      s.setString(1, device);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** "sensor@time=value" of every stored reading of the device, straight from the database. */
  private static List<String> storedReadings(String device) throws SQLException {
    try (Connection c = database();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT sensor_id, time, value FROM sensor_readings WHERE device_id = ?")) {
      s.setString(1, device);
      List<String> rows = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String row =
              rs.getString(1) + "@" + rs.getTimestamp(2).toInstant() + "=" + rs.getDouble(3);
          rows.add(row);
          seen.add(row);
        }
      }
      assertThat(seen).as("no reading stored twice").hasSameSizeAs(rows);
      return rows;
    }
  }

  private static Connection database() throws SQLException {
    return DriverManager.getConnection(
        System.getenv("VORLAUF_DB_URL"), "vorlauf", System.getenv("VORLAUF_DB_PASSWORD"));
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
