package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.domain.sensor.Quality;
import de.vorlauf.persistence.timeseries.ReadingRow;
import de.vorlauf.persistence.timeseries.ReadingWriter;
import de.vorlauf.persistence.timeseries.StorageMode;
import de.vorlauf.persistence.timeseries.WriterSettings;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code GET /api/v1/buildings/{id}/readings} of the real WAR over readings written by the real
 * writer: pivot with device-qualified columns, resolutions and aggregates, CSV, a long range
 * streamed, the rollup beyond raw retention, limits and bad input as problem+json; and the device
 * API showing a device's latest report. Every test uses a building of its own.
 */
@SharedWar // one PostgreSQL, one WildFly, one deployment of the WAR for every IT class
@RunAsClient
class ReadingsApiIT {

  final URL base = ItWar.base();

  /** Midnight two days ago: readings are minute-aligned from here. */
  private static final Instant T0 =
      Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2));

  @Test
  void pivotsSensorsAndNamesColumnsByDeviceWhereTwoReportOne() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String building = buildingWithReadings(admin, 24 * 60);

    Reply raw =
        admin.get(
            path(building, "sensors=vorlauf_temp_hk1,outdoor_temp", T0, T0.plusSeconds(240), "")
                + "&resolution=raw");

    assertThat(raw.status()).as(raw.toString()).isEqualTo(200);
    JsonNode json = raw.json();
    assertThat(json.get("resolution").asText()).isEqualTo("raw");
    assertThat(json.get("rollupUntil").isNull()).isTrue();
    assertThat(names(json))
        .containsExactly(
            "vorlauf_temp_hk1",
            device(building, 1) + ":outdoor_temp",
            device(building, 2) + ":outdoor_temp");
    JsonNode rows = json.get("rows");
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).get(0).asText()).isEqualTo(T0.toString());
    assertThat(rows.get(0).get(1).asDouble()).isEqualTo(40.0);
    assertThat(rows.get(1).get(3).isNull()).as("d2 reports every other minute").isTrue();
  }

  @Test
  void quarterHoursHoursAndAggregatesAsJsonAndCsv() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String building = buildingWithReadings(admin, 120);
    String sensor = "sensors=vorlauf_temp_hk1";
    Instant to = T0.plus(Duration.ofHours(2));

    JsonNode quarters = admin.get(path(building, sensor, T0, to, "&resolution=15m&agg=max")).json();
    JsonNode hours = admin.get(path(building, sensor, T0, to, "&resolution=1h&agg=min")).json();
    Reply csv = admin.get(path(building, sensor, T0, to, "&resolution=1h"), "text/csv");

    assertThat(quarters.get("rows")).hasSize(8);
    assertThat(quarters.get("rows").get(0).get(1).asDouble()).isEqualTo(41.4);
    assertThat(hours.get("agg").asText()).isEqualTo("min");
    assertThat(hours.get("rows")).hasSize(2);
    assertThat(hours.get("rows").get(1).get(1).asDouble()).isEqualTo(40.0);
    assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    String[] lines = csv.response().body().split("\n");
    assertThat(lines[0]).isEqualTo("time,vorlauf_temp_hk1");
    assertThat(lines).hasSize(3);
    assertThat(lines[1]).startsWith(T0 + ",");
    assertThat(Double.parseDouble(lines[1].split(",")[1])).isCloseTo(42.95, within(1e-9));
  }

  @Test
  void aLongRangeIsStreamedAndOldHoursComeFromTheRollupAndSaySo() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String building = buildingWithReadings(admin, 24 * 60);
    Instant from = T0.minus(Duration.ofDays(200)); // beyond the 90 days of raw retention

    Reply csv =
        admin.get(
            path(
                building,
                "sensors=vorlauf_temp_hk1,outdoor_temp",
                from,
                T0.plus(Duration.ofDays(1)),
                ""),
            "text/csv");

    assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
    assertThat(csv.header("Vorlauf-Rollup-Until")).isNotNull();
    assertThat(Instant.parse(csv.header("Vorlauf-Rollup-Until")))
        .isBetween(
            Instant.now().minus(Duration.ofDays(91)), Instant.now().minus(Duration.ofDays(89)));
    // header + one row per minute of the day; nothing older than retention was stored
    assertThat(csv.response().body().split("\n")).hasSize(1 + 24 * 60);
  }

  @Test
  void refusesBadInputAndRequestsBeyondTheLimitsWithProblems() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String building = buildingWithReadings(admin, 10);
    Instant to = T0.plusSeconds(600);
    String ok = "sensors=vorlauf_temp_hk1";
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      many.add("s" + i);
    }

    problem(admin.get(path(building, ok, to, T0, "")), 400, "must be before");
    problem(
        admin.get(path(building, ok, T0.minus(Duration.ofDays(500)), to, "")),
        400,
        "split the range");
    problem(
        admin.get(path(building, "sensors=" + String.join(",", many), T0, to, "")),
        400,
        "at most 20");
    problem(
        admin.get(path(building, "sensors=vorlauf_temp_hk9", T0, to, "")), 400, "vorlauf_temp_hk9");
    problem(admin.get(path(building, ok, T0, to, "&resolution=5m")), 400, "raw, 15m, 1h");
    problem(admin.get(path(building, ok, T0, to, "&resolution=raw&agg=max")), 400, "agg applies");
    problem(
        admin.get(path(building, ok, T0, to, "&agg=median&resolution=1h")), 400, "avg, min, max");
    problem(
        admin.get("api/v1/buildings/" + building + "/readings?" + ok + "&to=" + to),
        400,
        "from is required");
    problem(
        admin.get("api/v1/buildings/" + building + "/readings?" + ok + "&from=yesterday&to=" + to),
        400,
        "ISO-8601");
    problem(admin.get(path("no-such-building", ok, T0, to, "")), 404, "no-such-building");
    // a CSV client is refused in problem+json too
    problem(admin.get(path(building, ok, to, T0, ""), "text/csv"), 400, "must be before");
    assertThat(AdminClient.anonymous(base).get(path(building, ok, T0, to, "")).status())
        .isEqualTo(401);
  }

  @Test
  void theDeviceApiShowsTheDevicesLatestReport() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String building = buildingWithReadings(admin, 1);
    String device = device(building, 1);
    assertThat(admin.get("api/v1/devices/" + device).json().hasNonNull("report")).isFalse();

    sql(
        "INSERT INTO device_metadata (device_id, firmware_version, signal_strength, reported_at)"
            + " VALUES ('"
            + device
            + "', '2.1.4', -67, now())");

    JsonNode report = admin.get("api/v1/devices/" + device).json().get("report");
    assertThat(report.get("firmwareVersion").asText()).isEqualTo("2.1.4");
    assertThat(report.get("signalStrength").asInt()).isEqualTo(-67);
    assertThat(report.hasNonNull("reportedAt")).isTrue();
  }

  // --- fixtures -------------------------------------------------------------------------------

  private static void problem(Reply reply, int status, String detail) throws Exception {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("detail").asText()).contains(detail);
  }

  private static String path(
      String building, String sensors, Instant from, Instant to, String more) {
    return "api/v1/buildings/"
        + building
        + "/readings?"
        + sensors
        + "&from="
        + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8)
        + "&to="
        + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8)
        + more;
  }

  private static List<String> names(JsonNode json) {
    List<String> names = new ArrayList<>();
    json.get("columns").forEach(c -> names.add(c.get("name").asText()));
    return names;
  }

  private static String device(String building, int n) {
    return building + "-d" + n;
  }

  /**
   * A building with devices d1 (flow and outdoor every minute) and d2 (outdoor every other minute),
   * registered through the API, readings written by the real writer from {@link #T0} on.
   */
  private static String buildingWithReadings(AdminClient admin, int minutes) throws Exception {
    String building = "rb-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", building);
    body.put("name", "readings IT");
    body.put("timeZone", "Europe/Berlin");
    body.put("heatingType", "gas");
    assertThat(admin.post("api/v1/buildings", body).status()).isEqualTo(201);
    for (int n = 1; n <= 2; n++) {
      Map<String, Object> device = new LinkedHashMap<>();
      device.put("id", device(building, n));
      device.put("buildingId", building);
      assertThat(admin.post("api/v1/devices", device).status()).isEqualTo(201);
    }
    List<ReadingRow> rows = new ArrayList<>();
    for (int minute = 0; minute < minutes; minute++) {
      Instant t = T0.plus(Duration.ofMinutes(minute));
      rows.add(row(t, building, device(building, 1), "vorlauf_temp_hk1", 40 + minute % 60 * 0.1));
      rows.add(row(t, building, device(building, 1), "outdoor_temp", minute % 10));
      if (minute % 2 == 0) {
        rows.add(row(t, building, device(building, 2), "outdoor_temp", -1));
      }
    }
    PGSimpleDataSource ds = ItDatabase.dataSource();
    try (ReadingWriter writer =
        ReadingWriter.start(ds, StorageMode.PLAIN_POSTGRESQL, WriterSettings.defaults(), "it")) {
      writer.submit(rows, Duration.ofSeconds(30)).get(60, TimeUnit.SECONDS);
    }
    return building;
  }

  private static ReadingRow row(
      Instant t, String building, String device, String sensor, double v) {
    return new ReadingRow(t, building, device, sensor, v, "degC", Quality.GOOD);
  }

  private static void sql(String statement) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                System.getenv("VORLAUF_DB_URL"), "vorlauf", System.getenv("VORLAUF_DB_PASSWORD"));
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
