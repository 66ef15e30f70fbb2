package de.vorlauf.bench.closedloop;

import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.optimization.HourObservation;
import de.vorlauf.simulator.physics.BuildingSpec;
import de.vorlauf.simulator.physics.EnergyLedger;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hybrids of the savings study hour by hour (docs/benchmarks.md, "Hybrids"): per building and
 * outdoor band, the hours, the room heat, how much of it the heat pump and the boiler gave, the
 * heat pump's COP and the final energy, for the own curves, the ground-truth hold at 20.50 °C and
 * the domain's optimiser. The split comes from the simulator's ledger (the judge, not the
 * optimiser): gas minus what the hot water burnt is the boiler's room heat, at the condensing
 * efficiency of the hour's mean return; the rest of the room heat is the heat pump's.
 */
public final class HybridHours {

  /** Upper edges of the outdoor bands, °C; the last band is open. */
  private static final double[] BAND_TOP_C = {-4, -2, 0, 2, 4};

  /** The simulator's hot-water efficiency: a condensing boiler at a 45 °C return. */
  private static final double DHW_EFFICIENCY = 0.98 - 0.11 * (45.0 - 30.0) / 25.0;

  private HybridHours() {}

  public static void main(String[] args) {
    SavingsStudy study = SavingsStudy.fromOptions(args);
    List<BuildingSpec> hybrids =
        study.specs().stream().filter(s -> s.type() == HeatingType.HYBRID).toList();
    PrintStream out = System.out;
    Map<String, SavingsStudy.Controller> runs = new LinkedHashMap<>();
    runs.put("own curve", null);
    runs.put("hold 20.50 °C (ground truth)", SavingsStudy.hold(20.5));
    runs.put("domain optimiser", SavingsStudy.optimiser());
    out.println(
        "| building | run | band °C | hours | mean out °C | mean room °C | mean flow °C | room heat kWh | HP heat kWh | boiler heat kWh | boiler share | HP COP | space final kWh | comfort K·h |");
    out.println(
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (var run : runs.entrySet()) {
      Map<String, double[][]> byBuilding = new LinkedHashMap<>();
      study.simulate(
          run.getValue(),
          hybrids,
          (spec, observed, booked, room) ->
              add(
                  byBuilding.computeIfAbsent(spec.buildingId(), k -> new double[6][10]),
                  observed,
                  booked,
                  room));
      byBuilding.forEach(
          (id, bands) -> {
            double[] total = new double[10];
            for (int b = 0; b < bands.length; b++) {
              print(out, id, run.getKey(), label(b), bands[b]);
              for (int k = 0; k < 10; k++) {
                total[k] += bands[b][k];
              }
            }
            print(out, id, run.getKey(), "**all**", total);
          });
    }
  }

  private static String label(int band) {
    if (band == 0) {
      return "< " + (int) BAND_TOP_C[0];
    }
    if (band == BAND_TOP_C.length) {
      return "≥ " + (int) BAND_TOP_C[band - 1];
    }
    return (int) BAND_TOP_C[band - 1] + " … " + (int) BAND_TOP_C[band];
  }

  private static void add(double[][] bands, HourObservation h, EnergyLedger e, double room) {
    int band = 0;
    while (band < BAND_TOP_C.length && h.outdoorC() >= BAND_TOP_C[band]) {
      band++;
    }
    double boilerFuel = Math.max(0, e.gasKWh() - e.dhwHeatKWh() / DHW_EFFICIENCY);
    double share = Math.max(0, Math.min(1, (h.returnC() - 30.0) / 25.0));
    double boilerHeat = Math.min(e.spaceHeatKWh(), boilerFuel * (0.98 - 0.11 * share));
    double[] t = bands[band];
    t[0] += 1;
    t[1] += h.outdoorC();
    t[2] += room;
    t[3] += h.flowC();
    t[4] += e.spaceHeatKWh();
    t[5] += e.spaceHeatKWh() - boilerHeat;
    t[6] += boilerHeat;
    t[7] += e.electricityKWh();
    t[8] += boilerFuel + e.electricityKWh();
    t[9] += e.comfortKelvinHours();
  }

  private static void print(PrintStream out, String id, String run, String band, double[] t) {
    if (t[0] == 0) {
      return;
    }
    out.printf(
        Locale.ROOT,
        "| %s | %s | %s | %.0f | %.1f | %.2f | %.1f | %.1f | %.1f | %.1f | %.1f %% | %.2f | %.1f | %.2f |%n",
        id,
        run,
        band,
        t[0],
        t[1] / t[0],
        t[2] / t[0],
        t[3] / t[0],
        t[4],
        t[5],
        t[6],
        t[4] > 0 ? 100 * t[6] / t[4] : 0,
        t[7] > 0 ? t[5] / t[7] : 0,
        t[8],
        t[9]);
  }
}
