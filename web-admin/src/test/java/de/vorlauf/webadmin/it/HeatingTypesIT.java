package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.heating.NightSetback;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import java.net.URL;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * The heating vocabulary through the real WAR: the type list with its limits, a building's curve
 * defaulted, validated against its type and kept exactly, so what the registry returns gives the
 * same flow temperature as what was sent (the simulator relies on that).
 */
@SharedWar // one PostgreSQL, one WildFly, one deployment of the WAR for every IT class
@RunAsClient
class HeatingTypesIT {

  final URL base = ItWar.base();

  @Test
  void theTypeListIsTheDomainsWithItsLimitsAndDefaultCurves() throws Exception {
    Reply reply = AdminClient.loggedIn(base).get("api/v1/heating-types");

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    List<String> codes = new ArrayList<>();
    for (JsonNode type : reply.json()) {
      codes.add(type.path("code").asText());
      HeatingType domain = HeatingType.fromCode(type.path("code").asText()).orElseThrow();
      assertThat(type.path("label").asText()).isEqualTo(domain.label());
      assertThat(type.at("/limits/flowTempMin").asDouble()).isEqualTo(domain.limits().minFlowC());
      assertThat(type.at("/limits/flowTempMax").asDouble()).isEqualTo(domain.limits().maxFlowC());
      assertThat(type.at("/defaultCurve/flowTempMax").asDouble())
          .isEqualTo(domain.defaultCurve().maxFlowC());
    }
    assertThat(codes).isEqualTo(HeatingType.codes());
    assertThat(
            reply
                .json()
                .get(HeatingType.FERNWAERME.ordinal())
                .at("/limits/returnTempMax")
                .asDouble())
        .isEqualTo(50.0);
    // no return limit: JSON-B leaves the null out
    assertThat(reply.json().get(HeatingType.GAS.ordinal()).path("limits").has("returnTempMax"))
        .isFalse();
    assertThat(AdminClient.anonymous(base).get("api/v1/heating-types").status()).isEqualTo(401);
  }

  @Test
  void aBuildingsCurveIsDefaultedCheckedAndKeptExactly() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String id = "hc-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> heatPump = new LinkedHashMap<>();
    heatPump.put("id", id);
    heatPump.put("name", "Wärmepumpenhaus");
    heatPump.put("timeZone", "Europe/Berlin");
    heatPump.put("heatingType", "waermepumpe");

    Reply created = admin.post("api/v1/buildings", heatPump);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(curve(created.json())).isEqualTo(new HeatingCurve(35.0, 1.5, 25.0, 55.0));
    assertThat(created.json().get("nightSetbackReduction").asDouble()).isEqualTo(3.0);

    heatPump.put("flowTempMax", 75.0);
    Reply refused = admin.put("api/v1/buildings/" + id, heatPump);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("detail").asText())
        .contains(
            "the maximum flow temperature (75 °C) is above the highest a heat pump delivers (55 °C)");

    // values as the simulator's commissioning rounds them, and a room setback of 2.7 K
    heatPump.put("curveBaseTemp", 27.3);
    heatPump.put("curveSlope", 0.61);
    heatPump.put("flowTempMin", 20.0);
    heatPump.put("flowTempMax", 55.0);
    heatPump.put("nightSetbackStart", 23);
    heatPump.put("nightSetbackEnd", 5);
    heatPump.put("nightSetbackReduction", 2.7);
    Reply updated = admin.put("api/v1/buildings/" + id, heatPump);
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);

    JsonNode stored = admin.get("api/v1/buildings/" + id).json();
    BuildingConfig sent =
        BuildingConfig.defaults(id, HeatingType.WAERMEPUMPE, ZoneId.of("Europe/Berlin"))
            .withCurve(new HeatingCurve(27.3, 0.61, 20.0, 55.0))
            .withNightSetback(new NightSetback(true, 23, 5, 2.7));
    BuildingConfig registered =
        sent.withCurve(curve(stored))
            .withNightSetback(
                new NightSetback(
                    stored.get("nightSetbackEnabled").asBoolean(),
                    stored.get("nightSetbackStart").asInt(),
                    stored.get("nightSetbackEnd").asInt(),
                    stored.get("nightSetbackReduction").asDouble()));
    assertThat(registered).isEqualTo(sent);
    for (int hour = 0; hour < 24; hour++) {
      Instant t = Instant.parse("2026-01-12T00:00:00Z").plusSeconds(3600L * hour);
      assertThat(registered.flowTemperatureC(t, -5.0)).isEqualTo(sent.flowTemperatureC(t, -5.0));
    }
  }

  private static HeatingCurve curve(JsonNode building) {
    return new HeatingCurve(
        building.get("curveBaseTemp").asDouble(),
        building.get("curveSlope").asDouble(),
        building.get("flowTempMin").asDouble(),
        building.get("flowTempMax").asDouble());
  }
}
