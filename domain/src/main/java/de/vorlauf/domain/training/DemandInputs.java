package de.vorlauf.domain.training;

import de.vorlauf.domain.features.HolidayCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The heat-demand model's input row ({@link DemandFeature} order) and the rule for when one can be
 * built: the one implementation behind training ({@link DemandDatasetBuilder}) and serving (the
 * optimisation's prediction), so the two cannot drift apart.
 *
 * <p>A row issued at hour {@code t} for target hour index {@code target} reads the last hour before
 * {@code t}, the target hour a day and a week earlier (each with all four slots' heat power and at
 * least the minimum quality), the last hour's outdoor temperature and at least {@value
 * #MIN_OUTDOOR_HOURS_OF_DAY} hours of outdoor temperature in the last day.
 */
public final class DemandInputs {

  static final int MIN_OUTDOOR_HOURS_OF_DAY = 18;

  /** Hours a served row reads before its issue hour: the week-ago lag of the target hour. */
  public static final int SERVING_LOOKBACK_HOURS = 168;

  private static final long HOUR_S = 3600;

  private DemandInputs() {}

  /** Whether a row can be built; the worst of the hours read wins. */
  public enum Verdict {
    OK,
    BELOW_QUALITY,
    INCOMPLETE;

    public Verdict worst(Verdict other) {
      return other.ordinal() > ordinal() ? other : this;
    }
  }

  /** The target hour's calendar inputs, as the ETL's {@code local_hour} and off-day flags. */
  public record TargetCalendar(int localHour, boolean offDay) {

    /** The calendar of the hour starting at {@code hour} in {@code zone}. */
    public static TargetCalendar of(Instant hour, ZoneId zone, HolidayCalendar holidays) {
      ZonedDateTime local = hour.atZone(zone);
      return new TargetCalendar(
          local.getHour(),
          local.getDayOfWeek().getValue() >= 6 || holidays.isHoliday(local.toLocalDate()));
    }
  }

  /**
   * A served row, or why none could be built.
   *
   * @param row the inputs in {@link DemandFeature} order; null with a problem
   * @param problem why there is no row; null with one
   */
  public record Served(double[] row, String problem) {}

  /**
   * The row the model predicts the hour {@code [issuedAt, issuedAt + 1 h)} from (horizon 1 h),
   * built from the building's hours before {@code issuedAt} exactly as training builds its samples.
   *
   * @param issuedAt a whole UTC hour
   * @param hours the building's hour aggregates before {@code issuedAt} (at least the last {@value
   *     #SERVING_LOOKBACK_HOURS}; others are ignored)
   */
  public static Served serve(
      BuildingAttributes building,
      List<HourAggregate> hours,
      Instant issuedAt,
      TargetCalendar target,
      double minQuality) {
    Objects.requireNonNull(target, "target");
    if (issuedAt.getEpochSecond() % HOUR_S != 0) {
      throw new IllegalArgumentException("a row is issued at a whole hour: " + issuedAt);
    }
    if (building.areaM2() == null) {
      return new Served(null, "no area_m2 in the registry: the model predicts per m²");
    }
    Instant readFrom = issuedAt.minus(Duration.ofHours(SERVING_LOOKBACK_HOURS));
    HourAggregate[] byHour = index(hours, readFrom, SERVING_LOOKBACK_HOURS);
    int ti = SERVING_LOOKBACK_HOURS;
    Verdict verdict = verdict(byHour, ti, ti, minQuality);
    if (verdict != Verdict.OK) {
      return new Served(
          null,
          verdict == Verdict.BELOW_QUALITY
              ? "an hour the model reads is below the quality threshold " + minQuality
              : "an hour the model reads is incomplete (heat power or outdoor temperature missing)");
    }
    return new Served(row(byHour, ti, ti, building, target), null);
  }

  /** {@code hours} by their index in {@code [readFrom, readFrom + size h)}; absent hours null. */
  static HourAggregate[] index(List<HourAggregate> hours, Instant readFrom, int size) {
    HourAggregate[] byHour = new HourAggregate[size];
    for (HourAggregate h : hours) {
      long index = (h.hour().getEpochSecond() - readFrom.getEpochSecond()) / HOUR_S;
      if (index >= 0 && index < size) {
        byHour[(int) index] = h;
      }
    }
    return byHour;
  }

  /**
   * The verdict on the inputs of a row issued at index {@code ti} for target index {@code target}
   * (the target hour itself is training's concern: its label).
   */
  static Verdict verdict(HourAggregate[] byHour, int ti, int target, double minQuality) {
    Verdict verdict = Verdict.OK;
    for (int i : new int[] {ti - 1, target - 24, target - 168}) {
      verdict = verdict.worst(powerVerdict(byHour[i], minQuality));
    }
    double outdoorLast = byHour[ti - 1] == null ? Double.NaN : byHour[ti - 1].outdoorC();
    if (Double.isNaN(outdoorLast) || Double.isNaN(outdoorMean(byHour, ti - 24, ti))) {
      verdict = verdict.worst(Verdict.INCOMPLETE);
    }
    return verdict;
  }

  /** The heat power verdict on one hour (a target hour's, or one the inputs read). */
  static Verdict powerVerdict(HourAggregate hour, double minQuality) {
    if (hour == null) {
      return Verdict.INCOMPLETE;
    }
    if (hour.quality() < minQuality) {
      return Verdict.BELOW_QUALITY;
    }
    if (hour.powerSlots() < HourAggregate.SLOTS_PER_HOUR || Double.isNaN(hour.heatPowerKw())) {
      return Verdict.INCOMPLETE;
    }
    return Verdict.OK;
  }

  /** The row of a sample whose {@link #verdict} is OK; the building has an area. */
  static double[] row(
      HourAggregate[] byHour,
      int ti,
      int target,
      BuildingAttributes building,
      TargetCalendar calendar) {
    double area = building.areaM2();
    double forecast = OutdoorForecast.persistence(byHour[ti - 1].outdoorC());
    double[] x = new double[DemandFeature.count()];
    x[DemandFeature.OUTDOOR_FORECAST_C.ordinal()] = forecast;
    x[DemandFeature.FORECAST_DEGREE_HOURS.ordinal()] = OutdoorForecast.degreeHours(forecast);
    x[DemandFeature.OUTDOOR_MEAN_24H_C.ordinal()] = outdoorMean(byHour, ti - 24, ti);
    x[DemandFeature.DEMAND_LAST_HOUR_W_M2.ordinal()] = perM2(byHour[ti - 1], area);
    x[DemandFeature.DEMAND_DAY_AGO_W_M2.ordinal()] = perM2(byHour[target - 24], area);
    x[DemandFeature.DEMAND_WEEK_AGO_W_M2.ordinal()] = perM2(byHour[target - 168], area);
    double angle = 2 * Math.PI * calendar.localHour() / 24.0;
    x[DemandFeature.HOUR_SIN.ordinal()] = Math.sin(angle);
    x[DemandFeature.HOUR_COS.ordinal()] = Math.cos(angle);
    x[DemandFeature.OFF_DAY.ordinal()] = calendar.offDay() ? 1 : 0;
    x[DemandFeature.HEATING_GAS.ordinal() + building.heatingType().ordinal()] = 1;
    x[DemandFeature.AREA_LOG10_M2.ordinal()] = Math.log10(area);
    return x;
  }

  static double perM2(HourAggregate hour, double areaM2) {
    return hour.heatPowerKw() * 1000.0 / areaM2;
  }

  private static double outdoorMean(HourAggregate[] byHour, int from, int to) {
    double sum = 0;
    int n = 0;
    for (int i = from; i < to; i++) {
      if (byHour[i] != null && !Double.isNaN(byHour[i].outdoorC())) {
        sum += byHour[i].outdoorC();
        n++;
      }
    }
    return n >= MIN_OUTDOOR_HOURS_OF_DAY ? sum / n : Double.NaN;
  }
}
