package de.vorlauf.persistence.optimization;

import de.vorlauf.domain.features.FeatureRow;
import de.vorlauf.domain.optimization.HourObservation;
import de.vorlauf.domain.training.HourAggregate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Feature slots rolled up to UTC hours the way training's read does ({@code TrainingDataRepository}
 * in SQL): means over the slots that have a value, quality summed over four (a slot without a row
 * counts 0), the calendar of the hour's first slot. Slots come from {@code building_features} and
 * from "features now" alike, so both halves of a state are rolled up by one rule.
 */
final class SlotHours {

  /** One 15-minute slot; NaN where the feature is empty. */
  record Slot(
      Instant slot,
      double outdoorC,
      double indoorC,
      double flowC,
      double returnC,
      double heatPowerKw,
      double quality,
      int localHour,
      boolean offDay) {

    static Slot of(FeatureRow row) {
      boolean circuit = !row.circuits().isEmpty();
      return new Slot(
          row.slot(),
          row.outdoorTemp().value(),
          row.indoorTemp().value(),
          circuit ? row.circuit(1).flowTemp().value() : Double.NaN,
          circuit ? row.circuit(1).returnTemp().value() : Double.NaN,
          row.heatPowerKw(),
          row.quality(),
          row.localHour(),
          row.dayOfWeek() >= 6 || row.holiday());
    }
  }

  private final Map<Instant, List<Slot>> byHour = new TreeMap<>();

  void add(Slot slot) {
    Instant hour = Instant.ofEpochSecond(Math.floorDiv(slot.slot().getEpochSecond(), 3600) * 3600);
    byHour.computeIfAbsent(hour, h -> new ArrayList<>()).add(slot);
  }

  /** The hours that have at least one slot, oldest first. */
  List<HourObservation> observations() {
    List<HourObservation> hours = new ArrayList<>(byHour.size());
    byHour.forEach(
        (hour, slots) ->
            hours.add(
                new HourObservation(
                    hour,
                    mean(slots, Slot::outdoorC),
                    mean(slots, Slot::indoorC),
                    mean(slots, Slot::flowC),
                    mean(slots, Slot::returnC),
                    mean(slots, Slot::heatPowerKw),
                    quality(slots))));
    return hours;
  }

  /** The same hours as the heat-demand model's {@link HourAggregate}s. */
  List<HourAggregate> aggregates() {
    List<HourAggregate> hours = new ArrayList<>(byHour.size());
    byHour.forEach(
        (hour, slots) -> {
          Slot first = slots.stream().min((a, b) -> a.slot().compareTo(b.slot())).orElseThrow();
          int powerSlots = (int) slots.stream().filter(s -> !Double.isNaN(s.heatPowerKw())).count();
          hours.add(
              new HourAggregate(
                  hour,
                  mean(slots, Slot::heatPowerKw),
                  powerSlots,
                  mean(slots, Slot::outdoorC),
                  quality(slots),
                  first.localHour(),
                  first.offDay()));
        });
    return hours;
  }

  private static double quality(List<Slot> slots) {
    return slots.stream().mapToDouble(Slot::quality).sum() / HourAggregate.SLOTS_PER_HOUR;
  }

  private static double mean(List<Slot> slots, java.util.function.ToDoubleFunction<Slot> value) {
    double sum = 0;
    int n = 0;
    for (Slot slot : slots) {
      double v = value.applyAsDouble(slot);
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
