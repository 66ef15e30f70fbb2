package de.vorlauf.domain.features;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The constants of the feature rules and the arithmetic on slots that the ETL, late-data marking
 * and "features now" share.
 *
 * <p>The source document's {@code BatchETLPipeline} chains {@code ffill(limit=4)} and {@code
 * interpolate(limit=8)}, which fills the first 12 slots of any gap and so invents three hours of
 * data inside an outage. Here the length n of a run of empty slots decides alone: n ≤ 4 forward
 * fill, 5 ≤ n ≤ 8 interpolation, n > 8 empty (see {@link GapFiller}).
 */
public final class FeatureRules {

  public static final Duration SLOT = Duration.ofMinutes(15);
  public static final long SLOT_SECONDS = SLOT.toSeconds();

  /** Longest run of empty slots that is forward-filled (one hour). */
  public static final int FILL_MAX_SLOTS = 4;

  /** Longest run of empty slots that is interpolated (two hours); longer runs stay empty. */
  public static final int INTERPOLATE_MAX_SLOTS = 8;

  /**
   * Slots read on each side of the range being computed. A gap that crosses the range's edge is
   * classified by its full length; any gap of more than {@link #INTERPOLATE_MAX_SLOTS} slots is
   * empty, so 8 slots beyond the edge decide every gap that reaches into the range.
   */
  public static final int MARGIN_SLOTS = INTERPOLATE_MAX_SLOTS;

  /** The source document's specific heat of water, kJ/(kg·K), with 1 L taken as 1 kg. */
  public static final double WATER_HEAT_CAPACITY = 4.18;

  /** Base temperature of the heating degree hours, °C. */
  public static final double DEGREE_HOURS_BASE_C = 18.0;

  /** One slot in hours: degree hours per slot = max(0, 18 − T_out) · 0.25 h. */
  public static final double SLOT_HOURS = SLOT_SECONDS / 3600.0;

  private FeatureRules() {}

  /** The start of the slot holding {@code t}: slots are aligned to 15 minutes in UTC. */
  public static Instant slotStart(Instant t) {
    return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), SLOT_SECONDS) * SLOT_SECONDS);
  }

  public static boolean isSlotAligned(Instant t) {
    return t.getNano() == 0 && Math.floorMod(t.getEpochSecond(), SLOT_SECONDS) == 0;
  }

  /**
   * The local days whose features a reading at {@code t} can change: its own, and a neighbour when
   * the reading lies within the gap rule's reach (8 slots before, 9 after: a new value can end an
   * interpolated run or a forward fill that far away) of local midnight. Late data marks these
   * building-days dirty.
   */
  public static SortedSet<LocalDate> affectedDays(Instant t, ZoneId zone) {
    SortedSet<LocalDate> days = new TreeSet<>();
    Instant slot = slotStart(t);
    days.add(LocalDate.ofInstant(slot.minus(SLOT.multipliedBy(MARGIN_SLOTS)), zone));
    days.add(LocalDate.ofInstant(slot, zone));
    days.add(LocalDate.ofInstant(slot.plus(SLOT.multipliedBy(MARGIN_SLOTS + 1L)), zone));
    return days;
  }
}
