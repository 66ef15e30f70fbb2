package de.vorlauf.domain.features;

import de.vorlauf.domain.sensor.Quality;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Readings for golden tests: one good reading per sensor per slot (7 minutes into the slot) over a
 * building-day and the gap rule's margin, at a base value per sensor, with slots removed, values
 * changed or extra readings added where a test says so. Slot indexes count from the day's first
 * slot; negative ones lie in the margin before it.
 */
final class DayFixture {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  final BuildingDay day;
  private final Map<String, Double> base = new HashMap<>();
  private final Map<String, Map<Integer, Double>> values = new HashMap<>();
  private final Map<String, Set<Integer>> removed = new HashMap<>();
  private final List<RawReading> extra = new ArrayList<>();
  private final Set<String> dataBefore = new HashSet<>();
  private final Set<String> dataAfter = new HashSet<>();
  private int firstSlot = -FeatureRules.MARGIN_SLOTS;
  private int endSlot;

  DayFixture(LocalDate date) {
    day = new BuildingDay("b1", date, BERLIN);
    endSlot = day.slots() + FeatureRules.MARGIN_SLOTS;
    base(FeatureLayout.OUTDOOR, 2.0);
    base(FeatureLayout.flowSensor(1), 55.0);
    base(FeatureLayout.returnSensor(1), 40.0);
    base(FeatureLayout.flowRateSensor(1), 12.0);
  }

  DayFixture base(String sensor, double value) {
    base.put(sensor, value);
    dataBefore.add(sensor);
    dataAfter.add(sensor);
    return this;
  }

  DayFixture set(String sensor, int slot, double value) {
    values.computeIfAbsent(sensor, s -> new HashMap<>()).put(slot, value);
    return this;
  }

  /** Removes the readings of slots {@code [from, to)}. */
  DayFixture remove(String sensor, int from, int to) {
    for (int s = from; s < to; s++) {
      removed.computeIfAbsent(sensor, k -> new HashSet<>()).add(s);
    }
    return this;
  }

  DayFixture add(String sensor, int slot, int minute, double value, Quality quality) {
    extra.add(new RawReading(sensor, slotStart(slot).plusSeconds(minute * 60L), value, quality));
    return this;
  }

  /** The sensor's data starts at {@code slot}: no readings before it, none before the range. */
  DayFixture startsAt(String sensor, int slot) {
    remove(sensor, firstSlot, slot);
    dataBefore.remove(sensor);
    return this;
  }

  /** The sensor's data ends before {@code slot}: no readings from it on, none after the range. */
  DayFixture endsAt(String sensor, int slot) {
    remove(sensor, slot, endSlot);
    dataAfter.remove(sensor);
    return this;
  }

  Instant slotStart(int slot) {
    return day.start().plusSeconds(slot * FeatureRules.SLOT_SECONDS);
  }

  List<RawReading> readings() {
    List<RawReading> readings = new ArrayList<>(extra);
    base.forEach(
        (sensor, value) -> {
          for (int s = firstSlot; s < endSlot; s++) {
            if (removed.getOrDefault(sensor, Set.of()).contains(s)) {
              continue;
            }
            double v = values.getOrDefault(sensor, Map.of()).getOrDefault(s, value);
            readings.add(new RawReading(sensor, slotStart(s).plusSeconds(420), v, Quality.GOOD));
          }
        });
    return readings;
  }

  FeatureInput input() {
    return FeatureInput.ofDay(day, new FeatureLayout(1), readings(), dataBefore, dataAfter);
  }

  List<FeatureRow> compute() {
    return new FeatureCalculator(HolidayCalendar.germany()).compute(input());
  }
}
