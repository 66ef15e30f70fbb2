package de.vorlauf.bench.closedloop;

import de.vorlauf.simulator.runtime.EnergyReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The run's report (markdown): final energy (gas + electricity + district heat, hot water included)
 * per building, per heating type and for the fleet, baseline against Vorlauf, with space heating
 * and hot water apart and the comfort rule per building: Kelvin-hours below the comfort minimum at
 * most the baseline's × 1.02 + 0.5.
 */
final class ClosedLoopReport {

  /** One building in both runs. Energies in kWh, comfort in K·h. */
  record Row(
      String buildingId, String type, EnergyReport.Line baseline, EnergyReport.Line vorlauf) {

    boolean comfortKept() {
      return vorlauf.comfortKelvinHours() <= baseline.comfortKelvinHours() * 1.02 + 0.5;
    }
  }

  /** A group of buildings (a heating type, the fleet): sums over its rows. */
  record Totals(
      String label,
      int buildings,
      double baselineKWh,
      double vorlaufKWh,
      double baselineSpaceKWh,
      double vorlaufSpaceKWh,
      double baselineDhwKWh,
      double vorlaufDhwKWh,
      double baselineComfortKh,
      double vorlaufComfortKh,
      long comfortBreaches) {

    double savingsPercent() {
      return baselineKWh == 0 ? 0 : 100 * (baselineKWh - vorlaufKWh) / baselineKWh;
    }

    static Totals of(String label, List<Row> rows) {
      return new Totals(
          label,
          rows.size(),
          sum(rows, r -> r.baseline().finalEnergyKWh()),
          sum(rows, r -> r.vorlauf().finalEnergyKWh()),
          sum(rows, r -> r.baseline().spaceHeatKWh()),
          sum(rows, r -> r.vorlauf().spaceHeatKWh()),
          sum(rows, r -> r.baseline().dhwHeatKWh()),
          sum(rows, r -> r.vorlauf().dhwHeatKWh()),
          sum(rows, r -> r.baseline().comfortKelvinHours()),
          sum(rows, r -> r.vorlauf().comfortKelvinHours()),
          rows.stream().filter(r -> !r.comfortKept()).count());
    }

    private static double sum(List<Row> rows, Function<Row, Double> value) {
      return rows.stream().mapToDouble(value::apply).sum();
    }
  }

  private ClosedLoopReport() {}

  /** The buildings of both reports, matched by id (both runs have the same buildings). */
  static List<Row> rows(ClosedLoopResult result) {
    Map<String, EnergyReport.Line> vorlauf =
        result.vorlauf().lines().stream()
            .collect(Collectors.toMap(EnergyReport.Line::buildingId, l -> l));
    List<Row> rows = new ArrayList<>();
    for (EnergyReport.Line b : result.baseline().lines()) {
      EnergyReport.Line v = vorlauf.get(b.buildingId());
      if (v == null) {
        throw new IllegalStateException(b.buildingId() + " is missing from the Vorlauf run");
      }
      rows.add(new Row(b.buildingId(), b.heatingType(), b, v));
    }
    return rows;
  }

  static Map<String, Totals> byType(List<Row> rows) {
    Map<String, Totals> out = new TreeMap<>();
    rows.stream()
        .collect(Collectors.groupingBy(Row::type, TreeMap::new, Collectors.toList()))
        .forEach((type, group) -> out.put(type, Totals.of(type, group)));
    return out;
  }

  static String markdown(ClosedLoopResult r) {
    List<Row> rows = rows(r);
    Totals fleet = Totals.of("fleet", rows);
    StringBuilder out = new StringBuilder();
    ClosedLoopConfig c = r.config();
    out.append("# Closed loop: ").append(c.buildings()).append(" buildings, ");
    out.append(c.days()).append(" simulated days\n\n");
    line(
        out,
        "- period %s to %s (season offset %+d days), history %d days, seed %d",
        c.periodStart(),
        c.end(),
        c.seasonOffsetDays(),
        c.historyDays(),
        c.seed());
    line(
        out,
        "- optimiser: %s; forecast: %s; model %s v%d (%s)",
        r.optimizer(),
        c.forecast().equals("noisy")
            ? "noisy (actual weather + N(0, 1 K + 0.1 K per hour ahead)): a scenario apart"
            : "the platform's persistence forecast",
        r.model().model(),
        r.model().version(),
        ClosedLoopConfig.ALIAS);
    line(
        out,
        "- baseline: the same buildings, seed, weather and start stepped in-process without"
            + " the platform (the physics is deterministic)");
    line(
        out,
        "- %d simulated hours; outcomes %s; %d setpoints published, %d applied, %d rejected",
        r.hours(),
        r.statuses(),
        r.published(),
        r.applied(),
        r.rejected());
    if (!r.reasons().isEmpty()) {
      out.append("\n## Outcomes other than DONE, by reason\n\n");
      r.reasons().forEach((reason, n) -> line(out, "- %s: %d", reason, n));
    }
    out.append("\n## Final energy (gas + electricity + district heat, DHW included)\n\n");
    out.append(
        "| group | buildings | baseline kWh | Vorlauf kWh | savings % | space heat kWh"
            + " base / Vorlauf | DHW heat kWh base / Vorlauf | comfort K·h base / Vorlauf |"
            + " comfort rule broken |\n");
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Totals t : byType(rows).values()) {
      totals(out, t);
    }
    totals(out, fleet);
    out.append("\n## Per building\n\n");
    out.append(
        "| building | type | baseline kWh | Vorlauf kWh | savings % | space base / Vorlauf"
            + " | DHW base / Vorlauf | comfort K·h base / Vorlauf | rule |\n");
    out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (Row row : rows) {
      Totals t = Totals.of(row.buildingId(), List.of(row));
      line(
          out,
          "| %s | %s | %.1f | %.1f | %.2f | %.1f / %.1f | %.1f / %.1f | %.2f / %.2f | %s |",
          row.buildingId(),
          row.type(),
          t.baselineKWh(),
          t.vorlaufKWh(),
          t.savingsPercent(),
          t.baselineSpaceKWh(),
          t.vorlaufSpaceKWh(),
          t.baselineDhwKWh(),
          t.vorlaufDhwKWh(),
          t.baselineComfortKh(),
          t.vorlaufComfortKh(),
          row.comfortKept() ? "kept" : "BROKEN");
    }
    out.append("\n## Wall time\n\n");
    line(
        out,
        "- the %d simulated days: %.1f s (target ≤ 1,800 s)%s",
        c.days(),
        r.periodSeconds(),
        r.periodSeconds() <= 1_800 ? "" : " NOT MET");
    r.stageSeconds().forEach((stage, s) -> line(out, "- %s: %.1f s", stage, s));
    if (!r.failures().isEmpty()) {
      out.append("\n## Failed optimisations (first ").append(r.failures().size()).append(")\n\n");
      r.failures().forEach(f -> out.append("- ").append(f).append('\n'));
    }
    return out.toString();
  }

  private static void totals(StringBuilder out, Totals t) {
    line(
        out,
        "| %s | %d | %.1f | %.1f | %.2f | %.1f / %.1f | %.1f / %.1f | %.2f / %.2f | %d |",
        t.label(),
        t.buildings(),
        t.baselineKWh(),
        t.vorlaufKWh(),
        t.savingsPercent(),
        t.baselineSpaceKWh(),
        t.vorlaufSpaceKWh(),
        t.baselineDhwKWh(),
        t.vorlaufDhwKWh(),
        t.baselineComfortKh(),
        t.vorlaufComfortKh(),
        t.comfortBreaches());
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
