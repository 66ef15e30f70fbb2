package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.domain.features.BuildingDay;
import de.vorlauf.domain.features.FeatureCalculator;
import de.vorlauf.domain.features.FeatureInput;
import de.vorlauf.domain.features.FeatureLayout;
import de.vorlauf.domain.features.HolidayCalendar;
import de.vorlauf.domain.features.RawReading;
import de.vorlauf.domain.sensor.Quality;
import de.vorlauf.persistence.features.FeatureStore;
import de.vorlauf.testdata.Dataset;
import de.vorlauf.testdata.DatasetSpec;
import de.vorlauf.testdata.TestData;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The building page (issue 17) on simulator data: one simulated building's last nine days at five
 * minutes (the test-data module's physics, loaded by COPY with its hourly rollup) with six hours
 * cut out. Opened from the fleet, its range changed, the cut shown as a gap, the CSV it offers
 * compared with the readings API's answer, axe on the page; and the staleness rule: a building
 * whose newest reading is ten days old is never shown online.
 */
@SharedWar
@ExtendWith(ItBrowser.class)
@RunAsClient
class BuildingPageIT {

  private static final String SENSORS =
      "vorlauf_temp_hk1,ruecklauf_temp_hk1,outdoor_temp,indoor_temp,heat_power";

  final URL base = ItWar.base();

  /** The simulated building and the hours cut out of its readings. */
  private record Known(String buildingId, Instant gapFrom, Instant gapTo) {}

  @Test
  void aBuildingFromTheFleetShowsItsMeasurementsWithAKnownGapAndTheCsvOfWhatIsShown(
      UiSession ui, RunningPostgres postgres) throws Exception {
    Known known = simulatedBuildingWithAGap(postgres);
    String building = known.buildingId();

    ui.open("fleet?q=" + building, "fleet");
    ui.rowOf("fleet-building-row", "data-building-id", building)
        .findElement(By.cssSelector("[data-testid=fleet-building-page]"))
        .click();
    ui.awaitData("buildings-detail");
    assertThat(ui.browser.getCurrentUrl()).contains("/buildings/" + building);
    assertThat(ui.byTestId("page-title").getText()).contains(building);
    assertThat(ui.byTestId("building-config").getText()).contains("Heating curve", "slope");
    assertThat(ui.byTestId("building-latest").getText()).contains("vorlauf_temp_hk1");
    assertThat(series(ui, "1h").getAttribute("data-rows")).isNotEqualTo("0");

    // another range: 30 days at the hourly rollup
    ui.byTestId("building-range-30d").click();
    WebElement series =
        ui.wait.until(
            d -> {
              WebElement box = ui.byTestId("building-series");
              String from = box.getAttribute("data-from");
              return from != null
                      && Duration.between(
                              Instant.parse(from), Instant.parse(box.getAttribute("data-to")))
                          .equals(Duration.ofDays(30))
                  ? box
                  : null;
            });
    assertThat(ui.browser.getCurrentUrl()).contains("range=30d");
    Instant from = Instant.parse(series.getAttribute("data-from"));
    Instant to = Instant.parse(series.getAttribute("data-to"));

    // the cut hours are a gap: listed, no row in the table, and the chart's text says so
    List<WebElement> gaps = ui.browser.findElements(By.cssSelector("[data-testid=building-gap]"));
    assertThat(gaps)
        .anySatisfy(
            g -> {
              assertThat(Instant.parse(g.getAttribute("data-from"))).isEqualTo(known.gapFrom());
              assertThat(Instant.parse(g.getAttribute("data-to"))).isEqualTo(known.gapTo());
            });
    assertThat(ui.byTestId("building-chart-temperatures-summary").getText()).contains("gap");
    ui.byTestId("building-table-toggle").click();
    ui.visible("[data-testid=building-table] tbody tr");
    List<Instant> tableTimes = new ArrayList<>();
    for (WebElement row :
        ui.browser.findElements(By.cssSelector("[data-testid=building-table] tbody tr"))) {
      tableTimes.add(Instant.parse(row.getAttribute("data-time")));
    }
    assertThat(tableTimes)
        .contains(known.gapFrom().minus(Duration.ofHours(1)), known.gapTo())
        .noneMatch(t -> !t.isBefore(known.gapFrom()) && t.isBefore(known.gapTo()));
    ui.screenshot("building-page-30d");
    assertThat(ui.failingAxeViolations("the building page with its table open")).isEmpty();

    // the CSV offered is the readings API's answer for the same question, plus what the page adds
    ui.byTestId("building-csv").click();
    String csv = csvShown(ui);
    Reply api =
        AdminClient.loggedIn(base)
            .get(
                "api/v1/buildings/"
                    + building
                    + "/readings?resolution=1h&sensors="
                    + SENSORS
                    + "&from="
                    + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8)
                    + "&to="
                    + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8),
                "text/csv");
    assertThat(api.status()).as(api.toString()).isEqualTo(200);
    Map<String, Map<String, String>> shown = parse(csv);
    Map<String, Map<String, String>> expected = parse(api.response().body());
    assertThat(shown.keySet()).containsExactlyElementsOf(expected.keySet());
    assertThat(shown).hasSizeGreaterThan(24 * 7);
    for (Map.Entry<String, Map<String, String>> row : expected.entrySet()) {
      Map<String, String> page = shown.get(row.getKey());
      for (Map.Entry<String, String> cell : row.getValue().entrySet()) {
        assertThat(number(page.get(cell.getKey())))
            .as("%s at %s", cell.getKey(), row.getKey())
            .isEqualTo(number(cell.getValue()));
      }
      Double flow = number(page.get("vorlauf_temp_hk1"));
      Double ret = number(page.get("ruecklauf_temp_hk1"));
      if (flow != null && ret != null) {
        assertThat(number(page.get("spread"))).isCloseTo(flow - ret, within(1e-5));
      }
      if (number(page.get("outdoor_temp")) != null) {
        assertThat(number(page.get("curve_flow_temp"))).isBetween(20.0, 90.0);
      }
    }

    // a shorter range at raw readings
    ui.byTestId("building-range-24h").click();
    series(ui, "raw");
    assertThat(ui.browser.getCurrentUrl()).contains("range=24h");
  }

  @Test
  void fifteenMinuteSlotsShowFilledValuesApartFromMeasuredOnesAndTheRangesQuality(
      UiSession ui, RunningPostgres postgres) throws Exception {
    Known known = simulatedBuildingWithAGap(postgres);
    // one local day of features computed by the ETL's calculator from the simulated readings,
    // without the flow readings of 10:00-10:30 UTC: two slots the gap rule fills
    Dataset data = dataset();
    ZoneId zone = data.buildings().get(0).config().timeZone();
    Instant third = data.spec().start().plus(Duration.ofDays(3));
    BuildingDay day = new BuildingDay(known.buildingId(), LocalDate.ofInstant(third, zone), zone);
    Instant cutFrom = day.start().plus(Duration.ofHours(11));
    Instant cutTo = cutFrom.plus(Duration.ofMinutes(30));
    List<RawReading> readings = new ArrayList<>();
    Instant readFrom = FeatureInput.readFrom(day.start());
    Instant readTo = FeatureInput.readTo(day.end());
    data.forEachReading(
        (series, time, value, quality) -> {
          boolean cut =
              series.sensorId().equals("vorlauf_temp_hk1")
                  && !time.isBefore(cutFrom)
                  && time.isBefore(cutTo);
          if (!cut && !time.isBefore(readFrom) && time.isBefore(readTo)) {
            readings.add(new RawReading(series.sensorId(), time, value, Quality.GOOD));
          }
        });
    FeatureLayout layout = new FeatureLayout(1);
    Set<String> all = Set.copyOf(layout.sensorIds());
    var rows =
        new FeatureCalculator(HolidayCalendar.germany())
            .compute(FeatureInput.ofDay(day, layout, readings, all, all));
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(postgres.jdbcUrl());
    ds.setUser(postgres.user());
    ds.setPassword(postgres.password());
    new FeatureStore(ds).replaceDay(day, rows, "building-page-it", Instant.now());

    ui.open(
        "buildings/"
            + known.buildingId()
            + "?range=custom&res=15m&from="
            + day.start()
            + "&to="
            + day.end(),
        "buildings-detail");
    assertThat(series(ui, "15m").getAttribute("data-rows")).isEqualTo(String.valueOf(day.slots()));
    assertThat(ui.byTestId("building-chart-temperatures").getText())
        .contains("Flow temperature (filled or interpolated)");
    ui.visible("[data-testid=building-quality-filled]");
    assertThat(ui.byTestId("building-quality-filled").getAttribute("data-slots")).isEqualTo("2");
    assertThat(ui.byTestId("building-quality-measured").getAttribute("data-slots"))
        .isEqualTo(String.valueOf(day.slots() - 2));
    assertThat(ui.byTestId("building-quality-empty").getAttribute("data-slots")).isEqualTo("0");
    ui.byTestId("building-csv").click();
    String csv = csvShown(ui);
    assertThat(csv.lines().filter(l -> l.contains(",filled,")).count()).isEqualTo(2);
    assertThat(csv.lines().findFirst().orElseThrow())
        .startsWith("time,flow_temp_hk1,flow_temp_hk1_src,return_temp_hk1");
    ui.script("arguments[0].scrollIntoView()", ui.byTestId("building-chart-temperatures"));
    ui.screenshot("building-page-15m");

    // zoom by dragging across the chart: the CSV then holds the rows shown, no others
    WebElement plot =
        ui.byTestId("building-chart-temperatures").findElement(By.cssSelector(".u-over"));
    int width = plot.getSize().getWidth();
    new Actions(ui.browser)
        .moveToElement(plot, -width / 4, 0)
        .clickAndHold()
        .moveByOffset(width / 2, 0)
        .release()
        .perform();
    assertThat(ui.visible("[data-testid=building-zoom]").getText()).contains("Zoomed to");
    ui.byTestId("building-csv").click();
    ui.wait.until(d -> csvShown(ui).lines().count() < day.slots() + 1);
    long zoomed = csvShown(ui).lines().count() - 1;
    assertThat(zoomed).isBetween(day.slots() / 3L, day.slots() * 2L / 3);
  }

  @Test
  void aBuildingWhoseNewestReadingIsOlderThanTheOfflineTimeIsNeverShownOnline(
      UiSession ui, RunningPostgres postgres) throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String building = "stale-" + UUID.randomUUID().toString().substring(0, 6);
    String device = building + "-gb";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", building);
    body.put("name", "Alte Werte");
    body.put("timeZone", "Europe/Berlin");
    body.put("heatingType", "gas");
    assertThat(admin.post("api/v1/buildings", body).status()).isEqualTo(201);
    assertThat(admin.post("api/v1/devices", Map.of("id", device, "buildingId", building)).status())
        .isEqualTo(201);
    // messages arrive (two within the offline time: online by the liveness rule), but the newest
    // reading they carried is ten days old, and one message was quarantined an hour ago
    try (Connection c = connect(postgres)) {
      execute(
          c,
          """
          INSERT INTO device_status (device_id, building_id, first_seen, last_seen,
              last_reading_time, message_count, reading_count, quarantined_count, online, streak,
              state_changed_at)
          VALUES (?, ?, now() - interval '11 days', now() - interval '30 seconds',
                  now() - interval '10 days', 20, 20, 1, true, 20, now() - interval '11 days')
          """,
          device,
          building);
      execute(
          c,
          """
          INSERT INTO quarantine (received_at, source, device_id, reason, detail, sensor_id,
                                  payload, message_key, part)
          VALUES (now() - interval '1 hour', 'mqtt', ?, 'out_of_range',
                  'value 120.0 degC is outside [-60.0, 60.0] degC', 'outdoor_temp', '{}', ?, 1)
          """,
          device,
          "building-page-" + building);
    }

    JsonNode devices = admin.get("api/v1/ops/devices?buildingId=" + building).json();
    assertThat(devices.get(0).get("state").asText()).isEqualTo("stale");
    JsonNode overview = admin.get("api/v1/buildings/" + building + "/overview").json();
    assertThat(overview.get("state").asText()).isEqualTo("stale");

    ui.open("buildings/" + building, "buildings-detail");
    assertThat(ui.byTestId("building-state-badge").getAttribute("data-state")).isEqualTo("stale");
    assertThat(ui.rowOf("building-device-row", "data-device-id", device).getAttribute("data-state"))
        .isEqualTo("stale");
    WebElement quarantined = ui.rowOf("building-quarantine-device", "data-device-id", device);
    assertThat(quarantined.getText()).contains("out_of_range: 1");
    assertThat(
            quarantined
                .findElement(By.cssSelector("[data-testid=building-quarantine-link]"))
                .getAttribute("href"))
        .contains("/quarantine?deviceId=" + device);
    ui.screenshot("building-page-stale");

    ui.open("fleet?q=" + building, "fleet");
    assertThat(
            ui.rowOf("fleet-building-row", "data-building-id", building)
                .findElement(By.cssSelector("[data-testid=fleet-building-online]"))
                .getText())
        .isEqualTo("0");
  }

  /**
   * One simulated building's last nine whole days (UTC) at five minutes, with six hours of day six
   * cut out of the readings and the rollup. Loaded once per database.
   */
  private static synchronized Known simulatedBuildingWithAGap(RunningPostgres postgres)
      throws SQLException {
    Dataset data = dataset();
    Instant start = data.spec().start();
    String building = data.buildings().get(0).buildingId();
    Instant gapFrom = start.plus(Duration.ofDays(5)).plus(Duration.ofHours(6));
    Instant gapTo = gapFrom.plus(Duration.ofHours(6));
    try (Connection c = connect(postgres)) {
      boolean loaded;
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT EXISTS (SELECT 1 FROM series s JOIN readings r ON r.series_id = s.id"
                  + " WHERE s.building_id = ? AND r.time >= ?)")) {
        s.setString(1, building);
        s.setObject(2, start.atOffset(ZoneOffset.UTC));
        try (var rs = s.executeQuery()) {
          rs.next();
          loaded = rs.getBoolean(1);
        }
      }
      if (!loaded) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(postgres.jdbcUrl());
        ds.setUser(postgres.user());
        ds.setPassword(postgres.password());
        data.loadInto(ds);
      }
      for (String table : List.of("readings WHERE time", "readings_rollup_hourly WHERE bucket")) {
        String column = table.substring(table.lastIndexOf(' ') + 1);
        execute(
            c,
            "DELETE FROM "
                + table
                + " >= ? AND "
                + column
                + " < ? AND series_id IN (SELECT id FROM series WHERE building_id = ?)",
            gapFrom,
            gapTo,
            building);
      }
    }
    return new Known(building, gapFrom, gapTo);
  }

  /** The page's series box once it holds a series at {@code res} (an empty div: never visible). */
  private static WebElement series(UiSession ui, String res) {
    return ui.wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[data-testid=building-series][data-res='" + res + "']")));
  }

  /** The text of the CSV the page offered last (its blob, read in the page). */
  private static String csvShown(UiSession ui) {
    return (String)
        ((org.openqa.selenium.JavascriptExecutor) ui.browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(document.querySelector('[data-testid=building-csv-link]').href)"
                    + ".then(r => r.text()).then(done);");
  }

  private static Dataset dataset() {
    Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(9));
    return TestData.dataset(new DatasetSpec(42, 1, start, 9, Duration.ofMinutes(5)));
  }

  private static Connection connect(RunningPostgres postgres) throws SQLException {
    return DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
  }

  private static void execute(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        Object a = args[i];
        s.setObject(i + 1, a instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : a);
      }
      s.executeUpdate();
    }
  }

  /** time -> column -> text, in file order. */
  private static Map<String, Map<String, String>> parse(String csv) {
    String[] lines = csv.strip().split("\n");
    String[] header = lines[0].split(",", -1);
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 1; c < header.length; c++) {
        row.put(header[c], cells[c]);
      }
      rows.put(cells[0], row);
    }
    return rows;
  }

  private static Double number(String text) {
    return text == null || text.isEmpty() ? null : Double.valueOf(text);
  }
}
