package de.vorlauf.simulator.physics;

import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.heating.NightSetback;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * A reproducible mixed fleet: 45 % gas condensing, 25 % heat pump, 20 % district heating, 10 %
 * hybrid (exact shares, shuffled), sizes from small houses to apartment blocks, mostly in Berlin
 * time with a few in Vienna and Zurich, about 40 % with an indoor sensor. Each building's radiators
 * and heating curve are sized for its own envelope, so the plain curve keeps it near 21 °C. The
 * curve and setback are rounded as a commissioning engineer enters them (0.1 K, slope 0.01), and
 * every building's configuration passes the registry's rules, since it is provisioned there.
 */
public final class FleetSpecs {

  private static final HeatingType[] TYPES = {
    HeatingType.GAS, HeatingType.WAERMEPUMPE, HeatingType.FERNWAERME, HeatingType.HYBRID
  };
  private static final double[] TYPE_SHARES = {0.45, 0.25, 0.20, 0.10};
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
  private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

  /**
   * The curve aims a little above the comfort minimum so that night and cold snaps stay near it.
   */
  private static final double TARGET_INDOOR_C = 21.5;

  /** Mean internal and solar gains over a day, kelvin of UA (see the simulation's gains). */
  private static final double MEAN_GAINS_K = 2.0;

  private FleetSpecs() {}

  public static List<BuildingSpec> generate(long seed, int count, String idPrefix) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<HeatingType> types = typesFor(count, seed);
    List<BuildingSpec> specs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String id = String.format("%s-%04d", idPrefix, i + 1);
      specs.add(building(id, types.get(i), random.split()));
    }
    return List.copyOf(specs);
  }

  private static List<HeatingType> typesFor(int count, long seed) {
    List<HeatingType> types = new ArrayList<>(count);
    double cumulative = 0;
    for (int k = 0; k < TYPES.length; k++) {
      long before = Math.round(cumulative * count);
      cumulative += TYPE_SHARES[k];
      long after = Math.round(cumulative * count);
      for (long j = before; j < after; j++) {
        types.add(TYPES[k]);
      }
    }
    Collections.shuffle(types, new Random(seed));
    return types;
  }

  private static BuildingSpec building(String id, HeatingType type, SplittableRandom r) {
    double size = r.nextDouble();
    double ua;
    double timeConstantH;
    double dhwLitres;
    if (size < 0.40) {
      ua = r.nextDouble(120, 250);
      timeConstantH = r.nextDouble(40, 80);
      dhwLitres = r.nextDouble(80, 200);
    } else if (size < 0.65) {
      ua = r.nextDouble(250, 450);
      timeConstantH = r.nextDouble(40, 80);
      dhwLitres = r.nextDouble(150, 300);
    } else if (size < 0.85) {
      ua = r.nextDouble(600, 1500);
      timeConstantH = r.nextDouble(50, 100);
      dhwLitres = r.nextDouble(400, 1200);
    } else {
      ua = r.nextDouble(1500, 5000);
      timeConstantH = r.nextDouble(60, 120);
      dhwLitres = r.nextDouble(1200, 4000);
    }
    double exponent = type == HeatingType.WAERMEPUMPE ? 1.1 : 1.3;
    double designFlowC =
        switch (type) {
          case GAS -> r.nextDouble(55, 75);
          case WAERMEPUMPE -> r.nextDouble(35, 50);
          case FERNWAERME -> r.nextDouble(65, 75);
          case HYBRID -> r.nextDouble(50, 65);
        };
    double radiatorW = radiatorNominalW(ua, type, designFlowC, exponent) * r.nextDouble(1.0, 1.3);
    double zonePick = r.nextDouble();
    ZoneId zone = zonePick < 0.90 ? BERLIN : zonePick < 0.95 ? VIENNA : ZURICH;
    boolean setback = r.nextDouble() < 0.8;
    int setbackStart = setback ? r.nextInt(21, 24) : NightSetback.DEFAULT.startHour();
    int setbackEnd = setback ? r.nextInt(5, 7) : NightSetback.DEFAULT.endHour();
    // drawn as the flow-temperature drop at night that suits the building; stored, as the
    // registry keeps it, as the room-temperature reduction that gives this drop on its curve
    double setbackFlowK = setback ? r.nextDouble(4, 8) : 0.0;
    HeatingCurve curve = curveFor(ua, type, radiatorW, exponent);
    NightSetback nightSetback =
        setback
            ? new NightSetback(
                true, setbackStart, setbackEnd, round(setbackFlowK / (1 + curve.slope()), 10))
            : NightSetback.disabled();
    BuildingConfig config =
        new BuildingConfig(
            id,
            type,
            zone,
            // the registry wants an area and the physics has none: UA of ≈1.2 W/(m²·K), a partly
            // renovated building
            (double) Math.max(1, Math.round(ua / 1.2)),
            null,
            BuildingConfig.DEFAULT_HEATING_CIRCUITS,
            dhwLitres > 0,
            BuildingConfig.DEFAULT_COMFORT_TEMP_MIN,
            BuildingConfig.DEFAULT_COMFORT_TEMP_MAX,
            nightSetback,
            curve);
    return new BuildingSpec(
        config,
        ua,
        ua * timeConstantH * 3600,
        radiatorW,
        exponent,
        r.nextDouble() < 0.4,
        dhwLitres,
        r.nextLong());
  }

  /** Radiators that give the design load at the design flow temperature and spread. */
  static double radiatorNominalW(double ua, HeatingType type, double designFlowC, double n) {
    double meanC = designFlowC - Design.spreadK(type) / 2;
    return Design.loadW(ua) / Math.pow((meanC - Design.INDOOR_C) / 50.0, n);
  }

  /**
   * The straight heating curve through the flow temperatures this building needs at −12 °C and at
   * +12 °C outdoor (steady state, mean gains), as a commissioning engineer would set it: over the
   * type's whole flow range.
   */
  static HeatingCurve curveFor(double ua, HeatingType type, double radiatorW, double n) {
    double massFlow = Design.massFlowKgS(ua, type);
    double coldFlowC = requiredFlowC(-12, ua, radiatorW, n, massFlow);
    double mildFlowC = requiredFlowC(12, ua, radiatorW, n, massFlow);
    double slope = round((coldFlowC - mildFlowC) / 24.0, 100);
    double base = round(mildFlowC - slope * (HeatingCurve.REFERENCE_ROOM_C - 12), 10);
    return new HeatingCurve(base, slope, type.limits().minFlowC(), type.limits().maxFlowC());
  }

  private static double round(double value, double per) {
    return Math.round(value * per) / per;
  }

  private static double requiredFlowC(
      double outdoorC, double ua, double radiatorW, double n, double massFlow) {
    double loadW = ua * (TARGET_INDOOR_C - outdoorC - MEAN_GAINS_K);
    double meanC = TARGET_INDOOR_C + 50.0 * Math.pow(loadW / radiatorW, 1.0 / n);
    return meanC + loadW / (2 * massFlow * Circuit.CP);
  }
}
