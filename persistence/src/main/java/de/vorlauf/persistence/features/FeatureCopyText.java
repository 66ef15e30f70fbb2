package de.vorlauf.persistence.features;

import de.vorlauf.domain.features.CircuitFeatures;
import de.vorlauf.domain.features.FeatureRow;
import de.vorlauf.domain.features.Sample;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Feature rows in {@code COPY}'s text format, columns as {@link FeatureStore}'s {@code INSERT}
 * binds them: NaN is NULL ({@code \N}, or a NULL array element), doubles in Java's round-trip form
 * so PostgreSQL stores the very bits the rules computed.
 */
final class FeatureCopyText {

  private FeatureCopyText() {}

  static String of(Collection<List<FeatureRow>> days, String etlRun) {
    StringBuilder out = new StringBuilder();
    for (List<FeatureRow> rows : days) {
      for (FeatureRow row : rows) {
        row(out, row, etlRun);
      }
    }
    return out.toString();
  }

  private static void row(StringBuilder out, FeatureRow row, String etlRun) {
    text(out, row.buildingId()).append('\t');
    out.append(row.slot()).append('\t');
    sample(out, row.outdoorTemp());
    sample(out, row.indoorTemp());
    circuitSamples(out, row, CircuitFeatures::flowTemp);
    circuitSamples(out, row, CircuitFeatures::returnTemp);
    circuitSamples(out, row, CircuitFeatures::flowRate);
    numbers(out, row.circuits().stream().map(CircuitFeatures::spreadK).toList()).append('\t');
    numbers(out, row.circuits().stream().map(CircuitFeatures::heatPowerKw).toList()).append('\t');
    number(out, row.heatPowerKw()).append('\t');
    sample(out, row.meteredHeatPower());
    number(out, row.heatPowerDisagreementKw()).append('\t');
    number(out, row.heatingDegreeHours()).append('\t');
    out.append(row.localHour()).append('\t');
    out.append(row.dayOfWeek()).append('\t');
    out.append(row.holiday() ? 't' : 'f').append('\t');
    out.append(row.quality()).append('\t');
    out.append(row.readings()).append('\t');
    out.append(row.badReadings()).append('\t');
    text(out, etlRun).append('\n');
  }

  private static void sample(StringBuilder out, Sample sample) {
    number(out, sample.value()).append('\t');
    out.append(sample.provenance().code()).append('\t');
  }

  private static void circuitSamples(
      StringBuilder out, FeatureRow row, Function<CircuitFeatures, Sample> pick) {
    List<Sample> samples = row.circuits().stream().map(pick).toList();
    numbers(out, samples.stream().map(Sample::value).toList()).append('\t');
    out.append('{');
    for (int i = 0; i < samples.size(); i++) {
      out.append(i == 0 ? "" : ",").append(samples.get(i).provenance().code());
    }
    out.append("}\t");
  }

  private static StringBuilder numbers(StringBuilder out, List<Double> values) {
    out.append('{');
    for (int i = 0; i < values.size(); i++) {
      double v = values.get(i);
      out.append(i == 0 ? "" : ",").append(Double.isNaN(v) ? "NULL" : Double.toString(v));
    }
    return out.append('}');
  }

  private static StringBuilder number(StringBuilder out, double value) {
    return Double.isNaN(value) ? out.append("\\N") : out.append(value);
  }

  // COPY text escapes; ids never hold these, but a building id is input
  private static StringBuilder text(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out;
  }
}
