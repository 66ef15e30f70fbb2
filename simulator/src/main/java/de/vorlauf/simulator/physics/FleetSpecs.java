package de.vorlauf.simulator.physics;

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
 * and heating curve are sized for its own envelope, so the plain curve keeps it near 21 °C.
 */
public final class FleetSpecs {

  private static final HeatingKind[] KINDS = {
    HeatingKind.GAS_CONDENSING, HeatingKind.HEAT_PUMP, HeatingKind.DISTRICT, HeatingKind.HYBRID
  };
  private static final double[] KIND_SHARES = {0.45, 0.25, 0.20, 0.10};
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
    List<HeatingKind> kinds = kindsFor(count, seed);
    List<BuildingSpec> specs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String id = String.format("%s-%04d", idPrefix, i + 1);
      specs.add(building(id, kinds.get(i), random.split()));
    }
    return List.copyOf(specs);
  }

  private static List<HeatingKind> kindsFor(int count, long seed) {
    List<HeatingKind> kinds = new ArrayList<>(count);
    double cumulative = 0;
    for (int k = 0; k < KINDS.length; k++) {
      long before = Math.round(cumulative * count);
      cumulative += KIND_SHARES[k];
      long after = Math.round(cumulative * count);
      for (long j = before; j < after; j++) {
        kinds.add(KINDS[k]);
      }
    }
    Collections.shuffle(kinds, new Random(seed));
    return kinds;
  }

  private static BuildingSpec building(String id, HeatingKind kind, SplittableRandom r) {
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
    double exponent = kind == HeatingKind.HEAT_PUMP ? 1.1 : 1.3;
    double designFlowC =
        switch (kind) {
          case GAS_CONDENSING -> r.nextDouble(55, 75);
          case HEAT_PUMP -> r.nextDouble(35, 50);
          case DISTRICT -> r.nextDouble(65, 75);
          case HYBRID -> r.nextDouble(50, 65);
        };
    double radiatorW = radiatorNominalW(ua, kind, designFlowC, exponent) * r.nextDouble(1.0, 1.3);
    double zonePick = r.nextDouble();
    ZoneId zone = zonePick < 0.90 ? BERLIN : zonePick < 0.95 ? VIENNA : ZURICH;
    boolean setback = r.nextDouble() < 0.8;
    HeatingCurve curve =
        curveFor(
            ua,
            kind,
            radiatorW,
            exponent,
            setback ? r.nextInt(21, 24) : 22,
            setback ? r.nextInt(5, 7) : 22,
            setback ? r.nextDouble(4, 8) : 0.0);
    return new BuildingSpec(
        id,
        kind,
        zone,
        ua,
        ua * timeConstantH * 3600,
        radiatorW,
        exponent,
        curve,
        r.nextDouble() < 0.4,
        dhwLitres,
        r.nextLong());
  }

  /** Radiators that give the design load at the design flow temperature and spread. */
  static double radiatorNominalW(double ua, HeatingKind kind, double designFlowC, double n) {
    double meanC = designFlowC - Design.spreadK(kind) / 2;
    return Design.loadW(ua) / Math.pow((meanC - Design.INDOOR_C) / 50.0, n);
  }

  /**
   * The straight heating curve through the flow temperatures this building needs at −12 °C and at
   * +12 °C outdoor (steady state, mean gains), as a commissioning engineer would set it.
   */
  static HeatingCurve curveFor(
      double ua,
      HeatingKind kind,
      double radiatorW,
      double n,
      int setbackStart,
      int setbackEnd,
      double setbackK) {
    double massFlow = Design.massFlowKgS(ua, kind);
    double coldFlowC = requiredFlowC(-12, ua, radiatorW, n, massFlow);
    double mildFlowC = requiredFlowC(12, ua, radiatorW, n, massFlow);
    double slope = (coldFlowC - mildFlowC) / 24.0;
    double base = mildFlowC - slope * (HeatingCurve.REFERENCE_ROOM_C - 12);
    return new HeatingCurve(
        base, slope, kind.minFlowC(), kind.maxFlowC(), setbackStart, setbackEnd, setbackK);
  }

  private static double requiredFlowC(
      double outdoorC, double ua, double radiatorW, double n, double massFlow) {
    double loadW = ua * (TARGET_INDOOR_C - outdoorC - MEAN_GAINS_K);
    double meanC = TARGET_INDOOR_C + 50.0 * Math.pow(loadW / radiatorW, 1.0 / n);
    return meanC + loadW / (2 * massFlow * Circuit.CP);
  }
}
