package de.vorlauf.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.domain.config.IngestVars;
import de.vorlauf.domain.config.SimulatorVars;
import de.vorlauf.persistence.timeseries.ReadingQueries;
import de.vorlauf.persistence.timeseries.ReadingQueries.Bucket;
import de.vorlauf.simulator.faults.FaultInjector;
import de.vorlauf.simulator.faults.FaultRates;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a new user sees after the run command: the launcher starts the simulator after WildFly; it
 * provisions 50 buildings through the admin API, backfills their history once, publishes live, and
 * the worker's autostarted vendor integration polls the simulated cloud's installations. The
 * backfill is shortened to 3 hours here (the demo's 30 days would take minutes); everything else is
 * the demo's configuration.
 */
class DemoFleetE2EIT {

  private static final int BUILDINGS = 50;
  private static final int CLOUD_INSTALLATIONS = 5;
  private static final Duration BACKFILL = Duration.ofHours(3);

  /** The simulator's faults as the launcher runs it (VORLAUF_SIM_SEED and _FAULTS defaults). */
  private static final FaultInjector FAULT_PLAN =
      new FaultInjector(SimulatorVars.SEED.defaultValue(), FaultRates.demo());

  /** 60 minutes, plus the minutes of the next hour that the largest clock skew moves back. */
  private static final long MOST_READINGS_AN_HOUR = 60 + FaultRates.MAX_CLOCK_SKEW.toMinutes();

  /** How recently a building must have sent to count as online, plus a minute's slack. */
  private static final Duration LIVENESS =
      Duration.ofMinutes(IngestVars.OFFLINE_MINUTES.defaultValue() + 1L);

  @TempDir static Path tmp;
  private static RunningPlatform platform;
  private static Instant started;

  @BeforeAll
  static void startPlatformWithTheFleet() {
    started = Instant.now();
    platform =
        RunningPlatform.start(
            tmp.resolve("state"),
            config ->
                config.withSimulator(
                    Map.of(
                        "VORLAUF_SIM_BUILDINGS", Integer.toString(BUILDINGS),
                        "VORLAUF_SIM_BACKFILL", BACKFILL.toString(),
                        "VORLAUF_SIM_CLOUD_INSTALLATIONS", Integer.toString(CLOUD_INSTALLATIONS))));
  }

  @AfterAll
  static void stopPlatform() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void theFleetIsProvisionedOnlineAndItsHistoryRolledUp() throws Exception {
    AdminSession admin = platform.login();

    RunningPostgres database = platform.platform.service(RunningPostgres.class).orElseThrow();
    Properties login = new Properties();
    login.setProperty("user", database.user());
    login.setProperty("password", database.password());
    Instant to = started.truncatedTo(ChronoUnit.HOURS);
    Instant from = to.minus(BACKFILL).plus(Duration.ofHours(1));

    // every MQTT building is online, except one whose device the demo's faults hold offline
    // (episodes of up to 3 h, by a hash of seed, device and hour: which ones depends on the time
    // of day the test runs, so the simulator's own plan says which to expect)
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              JsonNode buildings = admin.get("/api/v1/ops/overview").path("buildings");
              List<String> online = new ArrayList<>();
              List<String> expected = new ArrayList<>();
              for (JsonNode building : buildings) {
                String id = building.path("buildingId").asText();
                if (id.startsWith("sim-cloud")) {
                  continue;
                }
                if (building.path("online").asInt() == 1) {
                  online.add(id);
                }
                if (!heldOffline(
                    database, login, id, Instant.now().minus(LIVENESS), Instant.now())) {
                  expected.add(id);
                }
              }
              assertThat(buildings).hasSize(BUILDINGS + CLOUD_INSTALLATIONS);
              assertThat(expected)
                  .as("buildings not held offline by the faults")
                  .hasSizeGreaterThan(BUILDINGS - 4);
              assertThat(online).containsAll(expected);
            });

    // the backfilled hours are in the hourly rollup, not only in the raw table (of a building the
    // faults did not hold offline in that window)
    String building = "sim-0001";
    for (int i = 1; heldOffline(database, login, building, from, to); i++) {
      building = "sim-%04d".formatted(i + 1);
    }
    String rolledUp = building;
    // a building is online with its first messages: the rest of its backfill may still be on the
    // way (on a loaded machine the last backfilled hour was seen with 11 of its 60 readings)
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), login)) {
                List<Bucket> hours =
                    ReadingQueries.buckets(
                        connection, rolledUp, "outdoor_temp", from, to, Duration.ofHours(1));
                assertThat(hours).hasSize((int) Duration.between(from, to).toHours());
                // one reading a minute, less the demo faults' gaps and refused readings; clock
                // skew (backwards, per minute) can move the next hour's first minutes into this one
                assertThat(hours)
                    .allSatisfy(
                        hour -> assertThat(hour.count()).isBetween(45L, MOST_READINGS_AN_HOUR));
              }
            });
  }

  /**
   * Whether the demo's fault plan (seed and rates as the launcher runs the simulator) keeps a
   * device of the building offline at some minute of {@code [from, to]}.
   */
  private static boolean heldOffline(
      RunningPostgres database, Properties login, String buildingId, Instant from, Instant to)
      throws SQLException {
    List<String> devices = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), login);
        PreparedStatement query =
            c.prepareStatement("SELECT id FROM devices WHERE building_id = ?")) {
      query.setString(1, buildingId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          devices.add(rows.getString(1));
        }
      }
    }
    for (Instant m = from.truncatedTo(ChronoUnit.MINUTES); !m.isAfter(to); m = m.plusSeconds(60)) {
      for (String device : devices) {
        if (FAULT_PLAN.offline(device, m)) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void theVendorIntegrationPollsEveryInstallationAndShowsInTheUi() throws Exception {
    AdminSession admin = platform.login();

    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(5))
        // a request answered late on a loaded machine is asked again, not a failure
        .ignoreExceptionsInstanceOf(java.net.http.HttpTimeoutException.class)
        .untilAsserted(
            () -> {
              JsonNode integration = admin.get("/api/v1/integrations/sim-cloud");
              assertThat(integration.path("state").asText()).isEqualTo("running");
              JsonNode installations = integration.path("status").path("installations");
              assertThat(installations).hasSize(CLOUD_INSTALLATIONS);
              for (JsonNode installation : installations) {
                assertThat(installation.path("state").asText())
                    .as(installation.toString())
                    .isEqualTo("ok");
                assertThat(installation.path("readingsStored").asLong()).isPositive();
                // caught up with the cloud: the cursor is within a few polling intervals of now
                assertThat(installation.path("lagSeconds").asLong()).isLessThan(600);
              }
            });

    WebDriver browser = HeadlessChromium.start(tmp.resolve("chromium"));
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
      wait.ignoring(StaleElementReferenceException.class);
      browser.get(platform.baseUrl + "integrations.html");
      wait.until(ExpectedConditions.visibilityOfElementLocated(testId("login-form")));
      browser.findElement(testId("login-username")).clear();
      browser.findElement(testId("login-username")).sendKeys("admin");
      browser.findElement(testId("login-password")).sendKeys(platform.adminPassword());
      browser.findElement(testId("login-submit")).click();
      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("[data-testid='integration'][data-id='sim-cloud']")));
      wait.until(
          ExpectedConditions.numberOfElementsToBe(
              By.cssSelector("[data-testid='installation-row'][data-state='ok']"),
              CLOUD_INSTALLATIONS));
    } finally {
      HeadlessChromium.screenshot(
          browser, Path.of("target", "screenshots", "demo-fleet-integrations.png"));
      browser.quit();
    }
  }

  private static By testId(String id) {
    return By.cssSelector("[data-testid='" + id + "']");
  }
}
