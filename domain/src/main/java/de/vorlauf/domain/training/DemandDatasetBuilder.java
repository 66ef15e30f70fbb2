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
      HourAggregate[] byHour = DemandInputs.index(history.hours(), readFrom, hours);
      int before = samples.size();
      for (Instant t = from;
          !t.plus(Duration.ofHours(horizonHours)).isAfter(to);
          t = t.plus(Duration.ofHours(1))) {
        int ti = (int) ((t.getEpochSecond() - readFrom.getEpochSecond()) / HOUR_S);
        int target = ti + horizonHours - 1;
        // the target hour is the label; the inputs' rule is serving's too
        DemandInputs.Verdict verdict =
            DemandInputs.powerVerdict(byHour[target], minQuality)
                .worst(DemandInputs.verdict(byHour, ti, target, minQuality));
        if (verdict == DemandInputs.Verdict.BELOW_QUALITY) {
          belowQuality++;
          continue;
        }
        if (verdict == DemandInputs.Verdict.INCOMPLETE) {
          incomplete++;
          continue;
        }
        Instant targetHour = readFrom.plus(Duration.ofHours(target));
        TimeSplit.Part part = split.partOf(targetHour);
        if (part == TimeSplit.Part.NONE) {
          continue;
        }
        HourAggregate targetAggregate = byHour[target];
        double[] x =
            DemandInputs.row(
                byHour,
                ti,
                target,
                b,
                new DemandInputs.TargetCalendar(
                    targetAggregate.localHour(), targetAggregate.offDay()));
        samples.add(
            new DemandSample(
                b.buildingId(),
                b.heatingType(),
                area,
                t,
                targetHour,
                x,
                DemandInputs.perM2(targetAggregate, area),
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
