package de.vorlauf.simulator.runtime;

import de.vorlauf.simulator.physics.EnergyLedger;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Energy used and comfort delivered per building over a period: what an optimiser is later scored
 * by against the plain heating curve.
 */
public record EnergyReport(List<Line> lines) {

  /** One building; energies in kWh, comfort deficit in Kelvin-hours below the comfort minimum. */
  public record Line(
      String buildingId,
      String heatingType,
      Instant from,
      Instant to,
      double spaceHeatKWh,
      double dhwHeatKWh,
      double gasKWh,
      double electricityKWh,
      double districtHeatKWh,
      double comfortKelvinHours) {

    public double finalEnergyKWh() {
      return gasKWh + electricityKWh + districtHeatKWh;
    }
  }

  public EnergyReport {
    lines = List.copyOf(lines);
  }

  public static EnergyReport of(List<SimulatedBuilding> buildings) {
    return new EnergyReport(
        buildings.stream()
            .map(
                b -> {
                  EnergyLedger period = b.period();
                  return new Line(
                      b.buildingId(),
                      b.spec().type().code(),
                      b.periodStart(),
                      period.at(),
                      period.spaceHeatKWh(),
                      period.dhwHeatKWh(),
                      period.gasKWh(),
                      period.electricityKWh(),
                      period.districtHeatKWh(),
                      period.comfortKelvinHours());
                })
            .toList());
  }

  /** A fixed-width table for the console and the report file. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%-24s %-12s %-17s %-17s %10s %9s %9s %9s %9s %9s%n",
            "building",
            "heating",
            "from",
            "to",
            "heat kWh",
            "dhw kWh",
            "gas kWh",
            "el. kWh",
            "distr kWh",
            "K·h<min"));
    double heat = 0;
    double fuel = 0;
    double comfort = 0;
    for (Line l : lines) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-24s %-12s %-17s %-17s %10.1f %9.1f %9.1f %9.1f %9.1f %9.2f%n",
              l.buildingId(),
              l.heatingType(),
              minute(l.from()),
              minute(l.to()),
              l.spaceHeatKWh(),
              l.dhwHeatKWh(),
              l.gasKWh(),
              l.electricityKWh(),
              l.districtHeatKWh(),
              l.comfortKelvinHours()));
      heat += l.spaceHeatKWh() + l.dhwHeatKWh();
      fuel += l.finalEnergyKWh();
      comfort += l.comfortKelvinHours();
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%d buildings: heat %.1f kWh, final energy %.1f kWh, comfort deficit %.2f K·h%n",
            lines.size(),
            heat,
            fuel,
            comfort));
    return out.toString();
  }

  private static String minute(Instant t) {
    return t == null ? "-" : t.toString().substring(0, Math.min(16, t.toString().length()));
  }
}
