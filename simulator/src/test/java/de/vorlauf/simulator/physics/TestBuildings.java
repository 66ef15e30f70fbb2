package de.vorlauf.simulator.physics;

import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.heating.NightSetback;
import java.time.Instant;
import java.time.ZoneId;

/** A mid-sized house per heating type, sized as {@link FleetSpecs} sizes its buildings. */
final class TestBuildings {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant JANUARY = Instant.parse("2026-01-12T00:00:00Z");
  static final Weather WEATHER = new Weather(20260112L);

  /** The source document's setback: 22:00 to 06:00, room 3 K lower. */
  static final NightSetback SETBACK = NightSetback.DEFAULT;

  private TestBuildings() {}

  static BuildingSpec house(HeatingType type) {
    double ua = 250;
    double n = type == HeatingType.WAERMEPUMPE ? 1.1 : 1.3;
    double designFlowC =
        switch (type) {
          case GAS -> 65;
          case WAERMEPUMPE -> 45;
          case FERNWAERME -> 70;
          case HYBRID -> 60;
        };
    double radiatorW = FleetSpecs.radiatorNominalW(ua, type, designFlowC, n) * 1.1;
    HeatingCurve curve = FleetSpecs.curveFor(ua, type, radiatorW, n);
    return new BuildingSpec(
        config("test-" + type.code(), type, curve),
        ua,
        ua * 60 * 3600,
        radiatorW,
        n,
        true,
        150,
        4711L);
  }

  private static BuildingConfig config(String id, HeatingType type, HeatingCurve curve) {
    return new BuildingConfig(id, type, BERLIN, null, null, 1, true, 20.0, 22.0, SETBACK, curve);
  }

  static BuildingSpec withCurve(BuildingSpec s, HeatingCurve curve) {
    return s.withConfig(s.config().withCurve(curve));
  }

  static BuildingSpec withSetback(BuildingSpec s, NightSetback setback) {
    return s.withConfig(s.config().withNightSetback(setback));
  }

  static BuildingSpec withZone(BuildingSpec s, ZoneId zone) {
    return s.withConfig(s.config().withTimeZone(zone));
  }

  static BuildingSpec withType(BuildingSpec s, HeatingType type) {
    BuildingConfig c = s.config();
    return s.withConfig(
        new BuildingConfig(
            c.buildingId(),
            type,
            c.timeZone(),
            c.areaM2(),
            c.yearBuilt(),
            c.heatingCircuits(),
            c.hasDhw(),
            c.comfortTempMin(),
            c.comfortTempMax(),
            c.nightSetback(),
            c.curve()));
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
