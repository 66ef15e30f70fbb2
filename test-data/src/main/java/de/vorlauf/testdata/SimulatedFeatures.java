package de.vorlauf.testdata;

import de.vorlauf.domain.features.BuildingDay;
import de.vorlauf.domain.features.FeatureCalculator;
import de.vorlauf.domain.features.FeatureInput;
import de.vorlauf.domain.features.FeatureLayout;
import de.vorlauf.domain.features.HolidayCalendar;
import de.vorlauf.domain.features.RawReading;
import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.sensor.Quality;
import de.vorlauf.persistence.timeseries.QualityCode;
import de.vorlauf.simulator.physics.BuildingSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The features of a dataset's readings, computed by the feature rules' reference implementation
 * ({@link FeatureCalculator}, the class the ETL activity calls) with what the ETL would give it:
 * the building's registry layout and zone, the worker's default holiday calendar (Germany), and per
 * building-day the input {@code persistence.features.FeatureSource} reads from the database — the
 * layout's sensors over the day widened by the gap rule's margin, and which of them have a usable
 * reading beyond either edge. {@code TestDataFeaturesIT} (activities) checks that the ETL activity
 * writes the same rows from the loaded readings.
 *
 * <p>Days: every local day of a building that holds a reading, so the first and last days are
 * partial (their edges filled or flagged by the rules, as a backfill over them would).
 */
final class SimulatedFeatures {

  /** The calendar of the worker's default configuration ({@code VORLAUF_HOLIDAYS} unset). */
  static final HolidayCalendar HOLIDAYS = HolidayCalendar.germany();

  private SimulatedFeatures() {}

  static List<DayFeatures> compute(Dataset dataset) {
    Map<String, List<RawReading>> byBuilding = new HashMap<>();
    dataset.forEachReading(
        (series, time, value, code) ->
            byBuilding
                .computeIfAbsent(series.buildingId(), b -> new ArrayList<>())
                .add(new RawReading(series.sensorId(), time, value, QualityCode.quality(code))));
    FeatureCalculator calculator = new FeatureCalculator(HOLIDAYS);
    List<DayFeatures> days = new ArrayList<>();
    for (BuildingSpec building : dataset.buildings()) {
      BuildingConfig config = building.config();
      FeatureLayout layout = new FeatureLayout(config.heatingCircuits());
      List<RawReading> readings =
          byBuilding.getOrDefault(config.buildingId(), List.of()).stream()
              .filter(r -> layout.sensorIds().contains(r.sensorId()))
              .toList();
      Edges edges = Edges.of(readings);
      LocalDate first = LocalDate.ofInstant(dataset.spec().start(), config.timeZone());
      LocalDate last = LocalDate.ofInstant(dataset.spec().end().minusNanos(1), config.timeZone());
      for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
        BuildingDay day = new BuildingDay(config.buildingId(), date, config.timeZone());
        days.add(new DayFeatures(day, calculator.compute(input(day, layout, readings, edges))));
      }
    }
    return days;
  }

  private static FeatureInput input(
      BuildingDay day, FeatureLayout layout, List<RawReading> readings, Edges edges) {
    Instant readFrom = FeatureInput.readFrom(day.start());
    Instant readTo = FeatureInput.readTo(day.end());
    List<RawReading> window =
        readings.stream()
            .filter(r -> !r.time().isBefore(readFrom) && r.time().isBefore(readTo))
            .toList();
    Set<String> before = new HashSet<>();
    Set<String> after = new HashSet<>();
    edges.first.forEach((sensor, t) -> addIf(t.isBefore(readFrom), sensor, before));
    edges.last.forEach((sensor, t) -> addIf(!t.isBefore(readTo), sensor, after));
    return FeatureInput.ofDay(day, layout, window, before, after);
  }

  private static void addIf(boolean condition, String sensor, Set<String> sensors) {
    if (condition) {
      sensors.add(sensor);
    }
  }

  /** Per sensor the first and last reading that makes a slot value (bad readings do not). */
  private record Edges(Map<String, Instant> first, Map<String, Instant> last) {

    static Edges of(List<RawReading> readings) {
      Map<String, Instant> first = new HashMap<>();
      Map<String, Instant> last = new HashMap<>();
      for (RawReading r : readings) {
        if (r.quality() != Quality.BAD) {
          first.merge(r.sensorId(), r.time(), (a, b) -> a.isBefore(b) ? a : b);
          last.merge(r.sensorId(), r.time(), (a, b) -> a.isAfter(b) ? a : b);
        }
      }
      return new Edges(first, last);
    }
  }
}
