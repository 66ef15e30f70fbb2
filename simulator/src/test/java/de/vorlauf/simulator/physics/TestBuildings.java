package de.vorlauf.simulator.physics;

import java.time.Instant;
import java.time.ZoneId;

/** A mid-sized house per heating kind, sized as {@link FleetSpecs} sizes its buildings. */
final class TestBuildings {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant JANUARY = Instant.parse("2026-01-12T00:00:00Z");
  static final Weather WEATHER = new Weather(20260112L);

  private TestBuildings() {}

  static BuildingSpec house(HeatingKind kind) {
    double ua = 250;
    double n = kind == HeatingKind.HEAT_PUMP ? 1.1 : 1.3;
    double designFlowC =
        switch (kind) {
          case GAS_CONDENSING -> 65;
          case HEAT_PUMP -> 45;
          case DISTRICT -> 70;
          case HYBRID -> 60;
        };
    double radiatorW = FleetSpecs.radiatorNominalW(ua, kind, designFlowC, n) * 1.1;
    HeatingCurve curve = FleetSpecs.curveFor(ua, kind, radiatorW, n, 22, 6, 6.0);
    return new BuildingSpec(
        "test-" + kind.registryCode(),
        kind,
        BERLIN,
        ua,
        ua * 60 * 3600,
        radiatorW,
        n,
        curve,
        true,
        150,
        4711L);
  }

  static BuildingSpec withCurve(BuildingSpec s, HeatingCurve curve) {
    return new BuildingSpec(
        s.buildingId(),
        s.kind(),
        s.zone(),
        s.uaWPerK(),
        s.thermalMassJPerK(),
        s.radiatorNominalW(),
        s.radiatorExponent(),
        curve,
        s.hasIndoorSensor(),
        s.dhwLitresPerDay(),
        s.seed());
  }

  static BuildingSpec withZone(BuildingSpec s, ZoneId zone) {
    return new BuildingSpec(
        s.buildingId(),
        s.kind(),
        zone,
        s.uaWPerK(),
        s.thermalMassJPerK(),
        s.radiatorNominalW(),
        s.radiatorExponent(),
        s.curve(),
        s.hasIndoorSensor(),
        s.dhwLitresPerDay(),
        s.seed());
  }

  static BuildingSpec withKind(BuildingSpec s, HeatingKind kind) {
    return new BuildingSpec(
        s.buildingId(),
        kind,
        s.zone(),
        s.uaWPerK(),
        s.thermalMassJPerK(),
        s.radiatorNominalW(),
        s.radiatorExponent(),
        s.curve(),
        s.hasIndoorSensor(),
        s.dhwLitresPerDay(),
        s.seed());
  }

  static BuildingSimulation simulate(BuildingSpec spec, Instant start) {
    return new BuildingSimulation(spec, WEATHER, start);
  }

  static double value(BuildingSimulation sim, String sensorId) {
    return sim.sample().stream()
        .filter(s -> s.sensorId().equals(sensorId))
        .findFirst()
        .orElseThrow()
        .value();
  }
}
