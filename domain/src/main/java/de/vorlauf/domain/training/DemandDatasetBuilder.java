package de.vorlauf.domain.training;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns hour aggregates into samples ({@link DemandFeature} says what each input is). One sample
 * per building and issue hour {@code t} in {@code [from, to − horizon]}; its target hour is {@code
 * [t + horizon − 1 h, t + horizon)}.
 *
 * <p>A sample is kept when every hour it reads — the target hour, the last hour before {@code t},
 * the target hour a day and a week earlier — has all four slots' heat power and a mean quality of
 * at least {@code minQuality}, the last hour has an outdoor temperature and the last day at least
 * 18 hours of one. Otherwise it counts as below quality (some hour read is under the threshold) or
 * incomplete.
 */
public final class DemandDatasetBuilder {

  /** How far before the window the read must start: the week-ago lag. */
  public static final Duration LOOKBACK = Duration.ofHours(168);

  static final int MIN_OUTDOOR_HOURS_OF_DAY = 18;
  private static final long HOUR_S = 3600;

  private DemandDatasetBuilder() {}

  /**
   * @param histories the buildings' hours from {@code from − LOOKBACK} to {@code to}
   * @param horizonHours 1..24
   */
  public static DemandDataset build(
      List<BuildingHistory> histories, TimeSplit split, int horizonHours, double minQuality) {
    if (horizonHours < 1 || horizonHours > 24) {
      throw new IllegalArgumentException("horizon must be 1..24 hours: " + horizonHours);
    }
    if (split.gap().compareTo(Duration.ofHours(horizonHours)) < 0) {
      throw new IllegalArgumentException("the split's gap must be at least the horizon");
    }
    Instant from = split.train().from();
    Instant to = split.holdout().to();
    Instant readFrom = from.minus(LOOKBACK);
    int hours = (int) Duration.between(readFrom, to).toHours();
    List<DemandSample> samples = new ArrayList<>();
    Map<String, String> excluded = new LinkedHashMap<>();
    long belowQuality = 0;
    long incomplete = 0;
    MessageDigest digest = sha256();
    for (BuildingHistory history : histories) {
      BuildingAttributes b = history.building();
      fingerprint(digest, history);
      if (b.areaM2() == null) {
        excluded.put(b.buildingId(), "no area_m2 in the registry");
        continue;
      }
      double area = b.areaM2();
      HourAggregate[] byHour = new HourAggregate[hours];
      for (HourAggregate h : history.hours()) {
        long index = (h.hour().getEpochSecond() - readFrom.getEpochSecond()) / HOUR_S;
        if (index >= 0 && index < hours) {
          byHour[(int) index] = h;
        }
      }
      int before = samples.size();
      for (Instant t = from;
          !t.plus(Duration.ofHours(horizonHours)).isAfter(to);
          t = t.plus(Duration.ofHours(1))) {
        int ti = (int) ((t.getEpochSecond() - readFrom.getEpochSecond()) / HOUR_S);
        int target = ti + horizonHours - 1;
        int[] read = {target, ti - 1, target - 24, target - 168};
        Verdict verdict = Verdict.OK;
        for (int i : read) {
          verdict = verdict.worst(powerVerdict(byHour[i], minQuality));
        }
        double outdoorLast = byHour[ti - 1] == null ? Double.NaN : byHour[ti - 1].outdoorC();
        double outdoorDay = outdoorMean(byHour, ti - 24, ti);
        if (Double.isNaN(outdoorLast) || Double.isNaN(outdoorDay)) {
          verdict = verdict.worst(Verdict.INCOMPLETE);
        }
        if (verdict == Verdict.BELOW_QUALITY) {
          belowQuality++;
          continue;
        }
        if (verdict == Verdict.INCOMPLETE) {
          incomplete++;
          continue;
        }
        Instant targetHour = readFrom.plus(Duration.ofHours(target));
        TimeSplit.Part part = split.partOf(targetHour);
        if (part == TimeSplit.Part.NONE) {
          continue;
        }
        HourAggregate targetAggregate = byHour[target];
        double forecast = OutdoorForecast.persistence(outdoorLast);
        double[] x = new double[DemandFeature.count()];
        x[DemandFeature.OUTDOOR_FORECAST_C.ordinal()] = forecast;
        x[DemandFeature.FORECAST_DEGREE_HOURS.ordinal()] = OutdoorForecast.degreeHours(forecast);
        x[DemandFeature.OUTDOOR_MEAN_24H_C.ordinal()] = outdoorDay;
        x[DemandFeature.DEMAND_LAST_HOUR_W_M2.ordinal()] = perM2(byHour[ti - 1], area);
        x[DemandFeature.DEMAND_DAY_AGO_W_M2.ordinal()] = perM2(byHour[target - 24], area);
        x[DemandFeature.DEMAND_WEEK_AGO_W_M2.ordinal()] = perM2(byHour[target - 168], area);
        double angle = 2 * Math.PI * targetAggregate.localHour() / 24.0;
        x[DemandFeature.HOUR_SIN.ordinal()] = Math.sin(angle);
        x[DemandFeature.HOUR_COS.ordinal()] = Math.cos(angle);
        x[DemandFeature.OFF_DAY.ordinal()] = targetAggregate.offDay() ? 1 : 0;
        x[DemandFeature.HEATING_GAS.ordinal() + b.heatingType().ordinal()] = 1;
        x[DemandFeature.AREA_LOG10_M2.ordinal()] = Math.log10(area);
        samples.add(
            new DemandSample(
                b.buildingId(),
                b.heatingType(),
                area,
                t,
                targetHour,
                x,
                perM2(targetAggregate, area),
                part));
      }
      if (samples.size() == before) {
        excluded.put(b.buildingId(), "no usable hour in the window");
      }
    }
    return new DemandDataset(
        samples,
        split,
        excluded,
        belowQuality,
        incomplete,
        HexFormat.of().formatHex(digest.digest()));
  }

  private enum Verdict {
    OK,
    BELOW_QUALITY,
    INCOMPLETE;

    Verdict worst(Verdict other) {
      return other.ordinal() > ordinal() ? other : this;
    }
  }

  private static Verdict powerVerdict(HourAggregate hour, double minQuality) {
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

  private static double perM2(HourAggregate hour, double areaM2) {
    return hour.heatPowerKw() * 1000.0 / areaM2;
  }

  private static void fingerprint(MessageDigest digest, BuildingHistory history) {
    BuildingAttributes b = history.building();
    digest.update(
        (b.buildingId() + '|' + b.heatingType().code() + '|' + b.areaM2() + '|' + b.yearBuilt())
            .getBytes(StandardCharsets.UTF_8));
    ByteBuffer buffer = ByteBuffer.allocate(8 * 4 + 4 * 3);
    for (HourAggregate h : history.hours()) {
      buffer.clear();
      buffer.putLong(h.hour().getEpochSecond());
      buffer.putDouble(h.heatPowerKw());
      buffer.putInt(h.powerSlots());
      buffer.putDouble(h.outdoorC());
      buffer.putDouble(h.quality());
      buffer.putInt(h.localHour());
      buffer.putInt(h.offDay() ? 1 : 0);
      digest.update(buffer.array(), 0, buffer.position());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
