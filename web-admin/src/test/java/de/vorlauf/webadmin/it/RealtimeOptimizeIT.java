package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.domain.features.HolidayCalendar;
import de.vorlauf.domain.optimization.HourObservation;
import de.vorlauf.domain.optimization.OptimizationResult;
import de.vorlauf.domain.optimization.Optimizers;
import de.vorlauf.domain.optimization.PersistenceForecast;
import de.vorlauf.inference.serving.OptimizationServing;
import de.vorlauf.persistence.experiments.ExperimentQueries;
import de.vorlauf.persistence.models.ModelCatalog;
import de.vorlauf.persistence.models.ServingRegistry;
import de.vorlauf.persistence.optimization.BuildingStates;
import de.vorlauf.persistence.optimization.OptimizationBuildings;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import de.vorlauf.webadmin.security.TokenPrincipal;
import de.vorlauf.workflows.portfolio.PortfolioRequest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/optimize} (issue 24) in the WAR: a simulated building's last week with the
 * fixture model as champion. The answer equals the hourly run's decision for the same building,
 * instant and state — computed in this JVM from the same {@code BuildingStates} and {@code
 * OptimizationServing} the worker's activity composes, with the worker's forecast and optimisers
 * (the WAR's tests cannot run the activities module) — so a WAR that composed its glue otherwise
 * (snapshot, alias, forecast, optimisers, holidays) fails; a prediction in it shows ONNX Runtime
 * running from its WildFly module. Every call is stored under its own request id with its caller;
 * bad input and unknown buildings are problem+json. A machine client's API token with the {@code
 * optimize} scope is admitted and stored as the caller; a {@code read} token is refused.
 */
@SharedWar
@RunAsClient
class RealtimeOptimizeIT {

  private static final HolidayCalendar HOLIDAYS = RealtimeFixture.HOLIDAYS;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  final URL base = ItWar.base();

  @Test
  void theAnswerIsTheHourlyOptimisersForTheSameStateAndEveryCallIsStored() throws Exception {
    String building = RealtimeFixture.buildings("rt", 1).get(0);
    AdminClient admin = AdminClient.loggedIn(base);
    DataSource ds = ItDatabase.dataSource();
    // the hourly run's instant; its newest hour is the snapshot the client sends
    Instant asOf = Instant.now().truncatedTo(ChronoUnit.HOURS);
    BuildingStates.Read read = RealtimeFixture.state(building, asOf);
    HourObservation newest = read.state().latest();
    assertThat(newest.hour()).isEqualTo(asOf.minus(Duration.ofHours(1)));
    OptimizationResult hourly = hourlyDecision(ds, building, read);
    assertThat(hourly.demand()).as("the fixture model predicts").isNotNull();

    Map<String, Object> body = RealtimeFixture.request(building, asOf, newest);
    List<String> requestIds = new ArrayList<>();
    for (int call = 0; call < 3; call++) {
      Reply reply = admin.post("api/v1/optimize", body);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      JsonNode a = reply.json();
      assertThat(a.get("building_id").asText()).isEqualTo(building);
      assertThat(a.get("recommended_vorlauf").asDouble()).isEqualTo(hourly.recommendedFlowC());
      assertThat(a.get("recommended_setpoint").asDouble()).isEqualTo(hourly.recommendedRoomC());
      assertThat(Instant.parse(a.get("valid_until").asText())).isEqualTo(hourly.validUntil());
      assertThat(Instant.parse(a.get("as_of").asText())).isEqualTo(asOf);
      assertThat(a.get("confidence").asDouble()).isEqualTo(hourly.confidence());
      assertThat(a.get("model_version").asInt()).isEqualTo(hourly.demand().version());
      assertThat(a.get("predicted_heat_kw").asDouble()).isEqualTo(hourly.demand().heatKw());
      assertThat(a.path("fallback").isTextual() ? a.get("fallback").asText() : null)
          .as("%s", a)
          .isEqualTo(hourly.fallback() == null ? null : hourly.fallback().name());
      assertThat(texts(a.get("binding_constraints"))).isEqualTo(hourly.bindingConstraints());
      requestIds.add(a.get("request_id").asText());
    }

    // a second before the hour, after the calls above were answered from a cached state: that
    // hour's own state (the cache is per hour and slot), as the hourly run at that hour decides
    Instant before = asOf.minusSeconds(1);
    BuildingStates.Read earlier = RealtimeFixture.state(building, before);
    OptimizationResult previous = hourlyDecision(ds, building, earlier);
    JsonNode b =
        admin
            .post(
                "api/v1/optimize",
                RealtimeFixture.request(building, before, earlier.state().latest()))
            .json();
    assertThat(Instant.parse(b.get("as_of").asText())).isEqualTo(before);
    assertThat(b.get("recommended_vorlauf").asDouble()).isEqualTo(previous.recommendedFlowC());
    assertThat(b.get("predicted_heat_kw").asDouble()).isEqualTo(previous.demand().heatKw());
    assertThat(Instant.parse(b.get("valid_until").asText())).isEqualTo(previous.validUntil());

    // three calls for one building and instant: three results, three predictions, the caller
    assertThat(requestIds).doesNotHaveDuplicates();
    try (Connection c = ds.getConnection()) {
      assertThat(
              count(
                  c,
                  "SELECT count(*) FROM optimization_results r JOIN demand_predictions p"
                      + " ON p.id = r.prediction_id AND p.request_id = r.request_id"
                      + " WHERE r.building_id = ? AND r.origin = 'realtime' AND r.caller = 'admin'"
                      + " AND r.as_of = ? AND r.request_id = ANY (?)",
                  building,
                  asOf,
                  requestIds))
          .isEqualTo(3);
      // a machine client's question is no operator action: not in the audit log
      try (PreparedStatement s =
              c.prepareStatement("SELECT count(*) FROM audit_log WHERE action LIKE 'optimize.%'");
          ResultSet rs = s.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }

  @Test
  void aMachineClientAsksWithAnOptimizeTokenAndIsStoredAsItsCaller() throws Exception {
    String building = RealtimeFixture.buildings("rt", 1).get(0);
    AdminClient admin = AdminClient.loggedIn(base);
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String optimizer = newToken(admin, "bms-" + tag, "optimize");
    String reader = newToken(admin, "reader-" + tag, "read");
    Instant asOf = Instant.now().truncatedTo(ChronoUnit.HOURS);
    Map<String, Object> body =
        RealtimeFixture.request(
            building, asOf, RealtimeFixture.state(building, asOf).state().latest());

    HttpResponse<String> answered = postWithToken(body, optimizer);
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    String requestId = AdminClient.JSON.readTree(answered.body()).get("request_id").asText();
    try (Connection c = ItDatabase.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT caller FROM optimization_results WHERE origin = 'realtime'"
                    + " AND request_id = ?")) {
      s.setString(1, requestId);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(TokenPrincipal.PREFIX + "bms-" + tag);
      }
    }

    // the read scope does not reach the optimiser; no token at all is the login's 401
    HttpResponse<String> refused = postWithToken(body, reader);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Scope optimize required");
    assertThat(refused.headers().firstValue("WWW-Authenticate").orElse(""))
        .contains("insufficient_scope", "scope=\"optimize\"");
  }

  @Test
  void aBuildingWithoutAreaIsAnsweredWithItsCurveAndTheCause() throws Exception {
    RealtimeFixture.buildings("rt", 1); // a champion exists: what is missing is the area
    AdminClient admin = AdminClient.loggedIn(base);
    String building = OptimizationRows.register(admin, "rt");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    Reply reply =
        admin.post(
            "api/v1/optimize",
            RealtimeFixture.request(
                building, now, new HourObservation(now, 1.5, 20.5, 55, 41, 0, 1)));

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode a = reply.json();
    assertThat(a.get("fallback").asText()).isNotBlank();
    assertThat(a.get("fallback_reason").asText()).isNotBlank();
    assertThat(a.get("prediction_missing").asText()).contains("area");
    assertThat(a.get("confidence").asDouble()).isZero();
  }

  @Test
  void badInputAndUnknownBuildingsAreProblems() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    Instant now = Instant.now();
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("timestamp", now.plus(Duration.ofHours(1)).toString());
    state.put("outdoor_temp", -90);
    state.put("return_temp", "warm");
    Reply invalid =
        admin.post("api/v1/optimize", Map.of("building_id", "whatever", "current_state", state));
    assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
    assertThat(invalid.contentType()).startsWith("application/problem+json");
    List<String> fields = new ArrayList<>();
    invalid.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    // presence and types first; ranges and the timestamp's bounds once every field is readable
    assertThat(fields)
        .containsExactlyInAnyOrder("current_state.flow_temp", "current_state.return_temp");

    Reply missing = admin.post("api/v1/optimize", Map.of("building_id", "x"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("errors").get(0).get("field").asText())
        .isEqualTo("current_state");

    Reply unknown =
        admin.post(
            "api/v1/optimize",
            RealtimeFixture.request(
                "no-such-building", now, new HourObservation(now, 1, 20, 50, 40, 0, 1)));
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");

    assertThat(AdminClient.anonymous(base).post("api/v1/optimize", Map.of()).status())
        .isEqualTo(401);
  }

  /** Creates an API token with one scope for a day; its secret. */
  private static String newToken(AdminClient admin, String name, String scope) throws Exception {
    Reply created =
        admin.post(
            "api/v1/tokens",
            Map.of(
                "name",
                name,
                "scopes",
                List.of(scope),
                "expiresAt",
                Instant.now().plus(Duration.ofDays(1)).toString()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("token").asText();
  }

  private HttpResponse<String> postWithToken(Map<String, Object> body, String token)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(base.toExternalForm().replaceAll("/+$", "") + "/api/v1/optimize"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, application/problem+json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(AdminClient.JSON.writeValueAsString(body)))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The decision of the worker's hourly composition for the same state and instant. */
  private static OptimizationResult hourlyDecision(
      DataSource ds, String building, BuildingStates.Read read) throws SQLException {
    ServingRegistry registry =
        new ServingRegistry(new ModelCatalog(ds), new ExperimentQueries(ds, Clock.systemUTC()));
    OptimizationBuildings.Entry entry =
        new OptimizationBuildings(ds).entries(List.of(building)).get(building);
    try (OptimizationServing serving =
        OptimizationServing.open(
            registry::served,
            registry::artifacts,
            1,
            HOLIDAYS,
            new PersistenceForecast(),
            Optimizers::forType)) {
      return serving
          .decide(
              entry.config(),
              read.state(),
              read.hours(),
              read.issuedAt(),
              serving.resolve(PortfolioRequest.DEFAULT_MODEL, PortfolioRequest.DEFAULT_ALIAS))
          .result();
    }
  }

  private static long count(
      Connection c, String sql, String building, Instant asOf, List<String> ids)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, building);
      s.setObject(2, asOf.atOffset(java.time.ZoneOffset.UTC));
      s.setArray(3, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(t -> texts.add(t.asText()));
    return texts;
  }
}
