package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.domain.features.BuildingDay;
import de.vorlauf.domain.features.FeatureCalculator;
import de.vorlauf.domain.features.FeatureInput;
import de.vorlauf.domain.features.FeatureLayout;
import de.vorlauf.domain.features.HolidayCalendar;
import de.vorlauf.domain.features.RawReading;
import de.vorlauf.domain.sensor.Quality;
import de.vorlauf.persistence.features.FeatureStore;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code GET /api/v1/buildings/{id}/features} of the real WAR over a building-day written by the
 * ETL's store: JSON and CSV with the per-circuit columns flattened, and the readings API's range
 * rules and problem answers.
 */
@SharedWar
@RunAsClient
class FeaturesApiIT {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

  final URL base = ItWar.base();

  @Test
  void aBuildingDayAsJsonAndCsv() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    BuildingDay day = buildingWithFeatures(admin);

    Reply json = admin.get(path(day.buildingId(), day.start(), day.end()));
    Reply csv = admin.get(path(day.buildingId(), day.start(), day.end()), "text/csv");

    assertThat(json.status()).as(json.toString()).isEqualTo(200);
    JsonNode body = json.json();
    assertThat(body.get("circuits").asInt()).isEqualTo(1);
    List<String> columns = new ArrayList<>();
    body.get("columns").forEach(c -> columns.add(c.asText()));
    assertThat(columns)
        .startsWith("outdoor_temp", "outdoor_temp_src", "indoor_temp", "indoor_temp_src")
        .contains("flow_temp_hk1", "flow_temp_hk1_src", "heat_power_kw_hk1", "quality");
    JsonNode rows = body.get("rows");
    assertThat(rows).hasSize(96);
    JsonNode first = rows.get(0);
    assertThat(first.get(0).asText()).isEqualTo(day.start().toString());
    assertThat(first.get(1).asDouble()).isEqualTo(5.0);
    assertThat(first.get(2).asText()).isEqualTo("raw");
    assertThat(first.get(4).asText()).isEqualTo("empty");
    assertThat(first.get(1 + columns.indexOf("heat_power_kw_hk1")).asDouble())
        .isEqualTo(12.0 / 60 * 4.18 * 15, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(first.get(1 + columns.indexOf("quality")).asDouble()).isEqualTo(1.0);

    assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    String[] lines = csv.response().body().split("\n");
    assertThat(lines).hasSize(97);
    assertThat(lines[0]).startsWith("time,outdoor_temp,outdoor_temp_src,indoor_temp");
    assertThat(lines[1]).startsWith(day.start() + ",5.0,raw,,empty,");
  }

  @Test
  void rangeRulesAndUnknownBuildingsAreProblems() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    BuildingDay day = buildingWithFeatures(admin);

    problem(admin.get(path(day.buildingId(), day.end(), day.start())), 400, "must be before");
    problem(
        admin.get(path(day.buildingId(), day.start().minusSeconds(400L * 86_400), day.end())),
        400,
        "split the range");
    problem(admin.get(path("no-such-building", day.start(), day.end())), 404, "no-such-building");
    problem(
        admin.get("api/v1/buildings/" + day.buildingId() + "/features?from=yesterday&to=x"),
        400,
        "ISO-8601");
  }

  private static void problem(Reply reply, int status, String detail) throws Exception {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("detail").asText()).contains(detail);
  }

  private static String path(String building, Instant from, Instant to) {
    return "api/v1/buildings/"
        + building
        + "/features?from="
        + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8)
        + "&to="
        + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8);
  }

  /** A building registered through the API, one day of features written by the ETL's store. */
  private static BuildingDay buildingWithFeatures(AdminClient admin) throws Exception {
    String building = "fb-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", building);
    body.put("name", "features IT");
    body.put("timeZone", "Europe/Berlin");
    body.put("heatingType", "gas");
    assertThat(admin.post("api/v1/buildings", body).status()).isEqualTo(201);
    BuildingDay day = new BuildingDay(building, DAY, BERLIN);
    List<RawReading> readings = new ArrayList<>();
    for (Instant t = FeatureInput.readFrom(day.start());
        t.isBefore(FeatureInput.readTo(day.end()));
        t = t.plusSeconds(300)) {
      readings.add(new RawReading("outdoor_temp", t, 5.0, Quality.GOOD));
      readings.add(new RawReading("vorlauf_temp_hk1", t, 55.0, Quality.GOOD));
      readings.add(new RawReading("ruecklauf_temp_hk1", t, 40.0, Quality.GOOD));
      readings.add(new RawReading("flow_rate_hk1", t, 12.0, Quality.GOOD));
    }
    FeatureLayout layout = new FeatureLayout(1);
    Set<String> all = Set.copyOf(layout.sensorIds());
    var rows =
        new FeatureCalculator(HolidayCalendar.germany())
            .compute(FeatureInput.ofDay(day, layout, readings, all, all));
    PGSimpleDataSource ds = ItDatabase.dataSource();
    new FeatureStore(ds).replaceDay(day, rows, "it", Instant.now());
    return day;
  }
}
