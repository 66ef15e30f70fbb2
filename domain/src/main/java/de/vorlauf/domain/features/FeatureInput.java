package de.vorlauf.domain.features;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the feature rules need to compute the slots of {@code [from, to)} for one building: its
 * readings of {@link #readFrom()}..{@link #readTo()} (the range widened by the gap rule's margin),
 * and per sensor whether it has any usable (not {@code bad}) reading beyond that on either side,
 * which tells a gap at the edge of the data from one between two values.
 *
 * <p>The ETL fills it from the database for a building-day; "features now" from recent readings
 * with {@code dataAfter} empty. Readings outside the read range are ignored.
 */
public record FeatureInput(
    String buildingId,
    FeatureLayout layout,
    ZoneId zone,
    Instant from,
    Instant to,
    List<RawReading> readings,
    Set<String> dataBefore,
    Set<String> dataAfter) {

  public FeatureInput {
    Objects.requireNonNull(buildingId, "buildingId");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(zone, "zone");
    if (!FeatureRules.isSlotAligned(from) || !FeatureRules.isSlotAligned(to)) {
      throw new IllegalArgumentException(
          "features are computed on 15-minute slots: " + from + " .. " + to);
    }
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("empty range " + from + " .. " + to);
    }
    readings = List.copyOf(readings);
    dataBefore = Set.copyOf(dataBefore);
    dataAfter = Set.copyOf(dataAfter);
  }

  /** The input of one building-day. */
  public static FeatureInput ofDay(
      BuildingDay day,
      FeatureLayout layout,
      List<RawReading> readings,
      Set<String> dataBefore,
      Set<String> dataAfter) {
    return new FeatureInput(
        day.buildingId(),
        layout,
        day.zone(),
        day.start(),
        day.end(),
        readings,
        dataBefore,
        dataAfter);
  }

  public Instant readFrom() {
    return readFrom(from);
  }

  public Instant readTo() {
    return readTo(to);
  }

  public static Instant readFrom(Instant from) {
    return from.minus(FeatureRules.SLOT.multipliedBy(FeatureRules.MARGIN_SLOTS));
  }

  public static Instant readTo(Instant to) {
    return to.plus(FeatureRules.SLOT.multipliedBy(FeatureRules.MARGIN_SLOTS));
  }
}
