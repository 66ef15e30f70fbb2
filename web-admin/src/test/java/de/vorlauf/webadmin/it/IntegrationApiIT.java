package de.vorlauf.webadmin.it;

import static de.vorlauf.webadmin.it.ItVendorIntegrations.ALPHA;
import static de.vorlauf.webadmin.it.ItVendorIntegrations.BETA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The integrations API of the real WAR, configured by a real integrations file, against a real
 * Temporal server (fresh for every test) whose polling workflows run in a worker in this JVM with
 * {@link CannedVendorActivities}: watching, start, pause, resume, interval and stop, and every
 * refusal as problem+json.
 */
@SharedWar // one PostgreSQL, one WildFly, one deployment of the WAR for every IT class
@RunAsClient
class IntegrationApiIT {

  private static final String API = "api/v1/integrations";
  private static final Duration WAIT = Duration.ofSeconds(60);

  final URL base = ItWar.base();
  private ItTemporal temporal;
  private AdminClient admin;

  @BeforeEach
  void startTemporal() throws Exception {
    temporal = ItTemporal.start(new CannedVendorActivities());
    admin = AdminClient.loggedIn(base);
    // the WAR's gRPC channel may still be backing off from the previous test's server
    await()
        .atMost(WAIT)
        .until(() -> states(), states -> !states.contains("unknown") && states.size() == 2);
  }

  @AfterEach
  void stopTemporal() {
    temporal.close();
  }

  @Test
  void listsBothConfiguredIntegrationsNotRunningAndWithoutSecrets() throws Exception {
    Reply list = admin.get(API);

    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertThat(list.response().body()).doesNotContainIgnoringCase("secret");
    JsonNode alpha = list.json().get(0);
    assertThat(list.json().size()).isEqualTo(2);
    assertThat(alpha.get("id").asText()).isEqualTo(ALPHA);
    assertThat(alpha.get("baseUrl").asText()).isEqualTo("https://alpha.vendor.example/iot");
    assertThat(alpha.get("clientId").asText()).isEqualTo("vorlauf-alpha");
    assertThat(alpha.get("deviceIdTemplate").asText()).isEqualTo("vc-{installationId}");
    assertThat(alpha.get("configuredInterval").asText()).isEqualTo("PT2S");
    assertThat(alpha.get("initialLookback").asText()).isEqualTo("PT1H");
    assertThat(alpha.get("autostart").asBoolean()).isFalse();
    assertThat(alpha.get("workflowId").asText()).isEqualTo("vendor-polling-" + ALPHA);
    assertThat(alpha.get("state").asText()).isEqualTo("stopped");
    assertThat(alpha.get("detail").asText()).isEqualTo("never started on this Temporal server");
    assertThat(alpha.hasNonNull("status")).isFalse();

    JsonNode beta = admin.get(path(BETA)).json();
    assertThat(list.json().get(1)).isEqualTo(beta);
    assertThat(beta.get("baseUrl").asText()).isEqualTo("http://127.0.0.1:9");
    assertThat(beta.get("clientId").asText()).isEqualTo("vorlauf-beta");
    assertThat(beta.get("deviceIdTemplate").asText()).isEqualTo("beta-{installationId}-{deviceId}");
    assertThat(beta.get("configuredInterval").asText()).isEqualTo("PT5M");
    // java.time.Duration has no days: P7D comes back as hours
    assertThat(beta.get("initialLookback").asText()).isEqualTo("PT168H");
    assertThat(beta.get("autostart").asBoolean()).isTrue();
    assertThat(beta.get("state").asText()).isEqualTo("stopped");
  }

  @Test
  void aStartedIntegrationShowsItsInstallationsAfterARound() throws Exception {
    Reply started = admin.post(action(ALPHA, "start"), null);
    assertThat(started.status()).as(started.toString()).isIn(200, 202);
    assertThat(started.json().get("state").asText()).isEqualTo("running");

    JsonNode polled = awaitIntegration(ALPHA, IntegrationApiIT::allInstallationsOk);
    assertThat(polled.get("detail").asText()).isEqualTo("polling workflow running");
    JsonNode status = polled.get("status");
    assertThat(status.get("paused").asBoolean()).isFalse();
    assertThat(status.get("interval").asText()).isEqualTo("PT2S");
    assertThat(status.get("rounds").asLong()).isPositive();
    assertThat(Instant.parse(status.get("lastRoundAt").asText())).isBefore(Instant.now());
    assertThat(status.hasNonNull("lastRoundError")).isFalse();
    assertInstallationsPolledAnHourBack(status);
    assertThat(admin.get(path(BETA)).json().get("state").asText()).isEqualTo("stopped");

    // a second start finds the run open and leaves it alone
    Reply again = admin.post(action(ALPHA, "start"), null);
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().get("state").asText()).isEqualTo("running");
    assertThat(again.json().at("/status/rounds").asLong())
        .isGreaterThanOrEqualTo(status.get("rounds").asLong());
  }

  @Test
  void pauseHoldsTheRoundsAndResumeTakesThemUpAgain() throws Exception {
    startAndAwaitARound();

    assertThat(admin.post(action(ALPHA, "pause"), null).status()).isEqualTo(200);
    long pausedAt = awaitIntegration(ALPHA, dto -> paused(dto)).at("/status/rounds").asLong();
    Thread.sleep(5_000); // two and a half intervals: no round may start
    JsonNode stillPaused = admin.get(path(ALPHA)).json();
    assertThat(stillPaused.get("state").asText()).isEqualTo("running");
    assertThat(stillPaused.at("/status/rounds").asLong()).isEqualTo(pausedAt);

    assertThat(admin.post(action(ALPHA, "resume"), null).status()).isEqualTo(200);
    awaitIntegration(ALPHA, dto -> !paused(dto) && dto.at("/status/rounds").asLong() > pausedAt);
  }

  @Test
  void aNewIntervalShowsInTheStatusAndBadOnesAreRefused() throws Exception {
    startAndAwaitARound();

    Reply retimed = admin.put(action(ALPHA, "interval"), Map.of("interval", "PT30S"));
    assertThat(retimed.status()).as(retimed.toString()).isEqualTo(200);
    JsonNode slower =
        awaitIntegration(ALPHA, dto -> "PT30S".equals(dto.at("/status/interval").asText()));
    assertThat(slower.get("configuredInterval").asText()).isEqualTo("PT2S");

    assertProblem(
        admin.put(action(ALPHA, "interval"), Map.of("interval", "every minute")),
        400,
        "interval must be an ISO-8601 duration such as PT30S, PT5M or PT1H");
    assertProblem(
        admin.put(action(ALPHA, "interval"), Map.of("interval", "PT0.5S")),
        400,
        "interval must be between PT1S and P1D, was PT0.5S");
    assertProblem(
        admin.put(action(ALPHA, "interval"), Map.of("interval", "P2D")),
        400,
        "interval must be between PT1S and P1D, was P2D");
    assertProblem(admin.put(action(ALPHA, "interval"), Map.of()), 400, "interval is required");
    assertThat(admin.get(path(ALPHA)).json().at("/status/interval").asText()).isEqualTo("PT30S");
  }

  @Test
  void stopEndsTheRunWithItsStatusAndTheNextStartCarriesItOn() throws Exception {
    startAndAwaitARound();

    Reply stopped = admin.post(action(ALPHA, "stop"), null);
    assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
    JsonNode last = awaitIntegration(ALPHA, dto -> "stopped".equals(dto.get("state").asText()));
    assertThat(last.get("detail").asText()).isEqualTo("last run completed");
    assertInstallationsPolledAnHourBack(last.get("status"));
    assertProblem(admin.post(action(ALPHA, "pause"), null), 409, "is not running: start it first");

    assertThat(admin.post(action(ALPHA, "start"), null).status()).isEqualTo(200);
    long roundsBefore = last.at("/status/rounds").asLong();
    JsonNode restarted =
        awaitIntegration(
            ALPHA,
            dto ->
                "running".equals(dto.get("state").asText())
                    && dto.at("/status/rounds").asLong() > roundsBefore);
    // cursors and counts carried over: no second hour of readings
    assertInstallationsPolledAnHourBack(restarted.get("status"));
  }

  @Test
  void refusesUnknownIntegrationsIdleWorkflowsAndStrangers() throws Exception {
    assertProblem(admin.get(path("no-such-cloud")), 404, "'no-such-cloud' does not exist");
    assertProblem(admin.post(action("no-such-cloud", "start"), null), 404, "'no-such-cloud'");
    assertProblem(
        admin.put(action("no-such-cloud", "interval"), Map.of("interval", "PT30S")),
        404,
        "'no-such-cloud'");
    assertProblem(admin.get(path("not.an.id")), 400, "letters, digits");
    for (String verb : List.of("pause", "resume", "stop")) {
      assertProblem(
          admin.post(action(BETA, verb), null),
          409,
          "the polling workflow of '" + BETA + "' is not running: start it first");
    }
    assertProblem(
        admin.put(action(BETA, "interval"), Map.of("interval", "PT30S")), 409, "start it first");

    AdminClient stranger = AdminClient.anonymous(base);
    assertProblem(stranger.get(API), 401, "");
    assertProblem(stranger.post(action(ALPHA, "start"), null), 401, "");
    assertThat(admin.get(path(ALPHA)).json().get("state").asText()).isEqualTo("stopped");
  }

  @Test
  void saysTemporalIsUnavailableWhenItIsDown() throws Exception {
    temporal.close();

    Reply start = admin.post(action(ALPHA, "start"), null);
    assertProblem(start, 503, "check the status page and TEMPORAL_ADDRESS");
    assertThat(start.json().get("title").asText()).isEqualTo("Temporal unavailable");
    // watching still works: the configuration is known, the state is not
    Reply list = admin.get(API);
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    for (JsonNode integration : list.json()) {
      assertThat(integration.get("state").asText()).isEqualTo("unknown");
      assertThat(integration.get("detail").asText()).isNotBlank();
    }
  }

  private static void assertInstallationsPolledAnHourBack(JsonNode status) {
    JsonNode installations = status.get("installations");
    List<String> ids = new ArrayList<>();
    for (JsonNode i : installations) {
      ids.add(i.get("installationId").asText());
      assertThat(i.get("state").asText()).as("%s", i).isEqualTo("ok");
      // the first poll reached back the initial lookback of one hour (59 to 60 whole minutes
      // before the current one), three features a minute; later polls add the minutes since
      assertThat(i.get("readingsStored").asLong()).as("%s", i).isBetween(177L, 200L);
      assertThat(i.get("duplicates").asLong()).isZero();
      assertThat(i.get("quarantined").asLong()).isZero();
      assertThat(i.get("consecutiveFailures").asInt()).isZero();
      assertThat(i.hasNonNull("lastError")).isFalse();
      assertThat(Instant.parse(i.get("lastSuccessAt").asText())).isBefore(Instant.now());
      Instant cursor = Instant.parse(i.get("cursor").asText());
      assertThat(cursor).isBetween(Instant.now().minusSeconds(180), Instant.now());
      assertThat(i.get("lagSeconds").asLong()).isBetween(0L, 180L);
      assertThat(Duration.parse(i.get("lag").asText()).toSeconds())
          .isEqualTo(i.get("lagSeconds").asLong());
    }
    assertThat(ids).isEqualTo(CannedVendorActivities.INSTALLATIONS);
  }

  private void startAndAwaitARound() throws Exception {
    Reply started = admin.post(action(ALPHA, "start"), null);
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    awaitIntegration(ALPHA, IntegrationApiIT::allInstallationsOk);
  }

  private static boolean allInstallationsOk(JsonNode dto) {
    JsonNode installations = dto.at("/status/installations");
    if (installations.size() != CannedVendorActivities.INSTALLATIONS.size()) {
      return false;
    }
    for (JsonNode i : installations) {
      if (!"ok".equals(i.get("state").asText())) {
        return false;
      }
    }
    return true;
  }

  private static boolean paused(JsonNode dto) {
    return dto.at("/status/paused").asBoolean();
  }

  private JsonNode awaitIntegration(String id, Predicate<JsonNode> condition) {
    AtomicReference<JsonNode> last = new AtomicReference<>();
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () -> {
              last.set(admin.get(path(id)).json());
              assertThat(condition.test(last.get())).as("%s", last.get()).isTrue();
            });
    return last.get();
  }

  private List<String> states() throws Exception {
    List<String> states = new ArrayList<>();
    for (JsonNode integration : admin.get(API).json()) {
      states.add(integration.get("state").asText());
    }
    return states;
  }

  private static String path(String id) {
    return API + "/" + id;
  }

  private static String action(String id, String action) {
    return path(id) + "/" + action;
  }

  private static void assertProblem(Reply reply, int status, String detail) throws Exception {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("status").asInt()).isEqualTo(status);
    assertThat(reply.json().get("detail").asText()).contains(detail);
  }
}
