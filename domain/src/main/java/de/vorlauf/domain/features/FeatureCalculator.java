package de.vorlauf.domain.features;

import de.vorlauf.domain.sensor.Quality;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference implementation of the feature rules: pivot a building's readings per sensor,
 * resample them to 15-minute slot means (bad readings and isolated spikes, {@link IsolatedSpikes},
 * left out and counted), apply the gap rule, derive spread, heat power, degree hours and calendar
 * features from the filled slot means, and score each row's quality. Pure and in memory: the
 * nightly ETL, backfill and "features now" all call it, so every consumer sees the same numbers.
 */
public final class FeatureCalculator {

  private final HolidayCalendar holidays;

  public FeatureCalculator(HolidayCalendar holidays) {
    this.holidays = holidays;
  }

  public List<FeatureRow> compute(FeatureInput input) {
    Instant gridStart = input.readFrom();
    int gridSlots = slotsBetween(gridStart, input.readTo());
    int offset = slotsBetween(gridStart, input.from());
    int outSlots = slotsBetween(input.from(), input.to());

    Map<String, SlotSeries> pivot = new HashMap<>();
    for (String id : input.layout().sensorIds()) {
      pivot.put(id, new SlotSeries(gridStart, gridSlots));
    }
    Map<String, List<RawReading>> bySensor = new HashMap<>();
    for (RawReading r : input.readings()) {
      String id = FeatureLayout.canonicalSensorId(r.sensorId());
      if (pivot.containsKey(id)) {
        bySensor.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
      }
    }
    bySensor.forEach(
        (id, readings) -> {
          SlotSeries series = pivot.get(id);
          boolean[] spikes = IsolatedSpikes.find(id, readings);
          for (int i = 0; i < readings.size(); i++) {
            RawReading r = readings.get(i);
            // an isolated spike is left out of the mean and counted as a bad reading
            series.add(r.time(), r.value(), spikes[i] ? Quality.BAD : r.quality());
          }
        });
    Map<String, FilledSeries> filled = new HashMap<>();
    pivot.forEach(
        (id, series) ->
            filled.put(
                id,
                GapFiller.fill(
                    series.means(),
                    input.dataBefore().contains(id),
                    input.dataAfter().contains(id))));

    List<FeatureRow> rows = new ArrayList<>(outSlots);
    for (int s = 0; s < outSlots; s++) {
      rows.add(row(input, pivot, filled, offset + s));
    }
    return rows;
  }

  private FeatureRow row(
      FeatureInput input, Map<String, SlotSeries> pivot, Map<String, FilledSeries> filled, int g) {
    FeatureLayout layout = input.layout();
    Instant slot = input.readFrom().plusSeconds(g * FeatureRules.SLOT_SECONDS);
    Sample outdoor = filled.get(FeatureLayout.OUTDOOR).sample(g);
    List<CircuitFeatures> circuits = new ArrayList<>(layout.circuits());
    double totalPower = 0;
    for (int c = 1; c <= layout.circuits(); c++) {
      CircuitFeatures circuit =
          CircuitFeatures.of(
              c,
              filled.get(FeatureLayout.flowSensor(c)).sample(g),
              filled.get(FeatureLayout.returnSensor(c)).sample(g),
              filled.get(FeatureLayout.flowRateSensor(c)).sample(g));
      circuits.add(circuit);
      totalPower += circuit.heatPowerKw();
    }
    Sample metered = filled.get(FeatureLayout.METERED_HEAT_POWER).sample(g);
    double disagreement = metered.isEmpty() ? Double.NaN : metered.value() - totalPower;
    double degreeHours =
        outdoor.isEmpty()
            ? Double.NaN
            : Math.max(0.0, FeatureRules.DEGREE_HOURS_BASE_C - outdoor.value())
                * FeatureRules.SLOT_HOURS;
    double weights = 0;
    for (String id : layout.requiredSensorIds()) {
      weights += filled.get(id).provenance()[g].weight();
    }
    int used = 0;
    int bad = 0;
    for (SlotSeries series : pivot.values()) {
      used += series.used(g);
      bad += series.bad(g);
    }
    ZonedDateTime local = slot.atZone(input.zone());
    return new FeatureRow(
        input.buildingId(),
        slot,
        outdoor,
        filled.get(FeatureLayout.INDOOR).sample(g),
        circuits,
        totalPower,
        metered,
        disagreement,
        degreeHours,
        local.getHour(),
        local.getDayOfWeek().getValue(),
        holidays.isHoliday(local.toLocalDate()),
        weights / layout.requiredSensorIds().size(),
        used,
        bad);
  }

  private static int slotsBetween(Instant from, Instant to) {
    return (int) ((to.getEpochSecond() - from.getEpochSecond()) / FeatureRules.SLOT_SECONDS);
  }
}
