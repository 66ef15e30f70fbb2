package de.vorlauf.activities.training;

import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.training.BuildingAttributes;
import de.vorlauf.domain.training.BuildingHistory;
import de.vorlauf.domain.training.FeatureLineage;
import de.vorlauf.domain.training.HourAggregate;
import de.vorlauf.domain.training.TrainingData;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hour aggregates of a made-up fleet for the trainer's tests and benchmark: not the simulator's
 * physics, only its shape. Outdoor temperature is a daily cycle on a weather random walk shared by
 * the fleet; each building's heat power follows a lagged outdoor temperature through its own loss
 * coefficient per m², with a night setback and noise; UTC+1 local time; a few hours of poor
 * quality.
 */
final class SyntheticFleet {

  private SyntheticFleet() {}

  /** {@code histories} as a read returns them. */
  static TrainingData data(List<BuildingHistory> histories) {
    List<HourAggregate> hours = histories.get(0).hours();
    return new TrainingData(
        histories,
        FeatureLineage.of(
            hours.get(0).hour(), hours.get(hours.size() - 1).hour().plusSeconds(3600), histories));
  }

  static List<BuildingHistory> histories(int buildings, Instant from, Instant to, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int hours = (int) Duration.between(from, to).toHours();
    double[] outdoor = new double[hours];
    double weather = 3;
    for (int i = 0; i < hours; i++) {
      if (i % 24 == 0) {
        weather = 0.8 * weather + 0.2 * 3 + random.nextGaussian() * 2.0;
      }
      int hour = from.plusSeconds(3600L * i).atOffset(ZoneOffset.UTC).getHour();
      outdoor[i] = weather + 4 * Math.sin(2 * Math.PI * (hour - 9) / 24.0);
    }
    List<BuildingHistory> result = new ArrayList<>();
    HeatingType[] types = HeatingType.values();
    for (int b = 0; b < buildings; b++) {
      HeatingType type = types[b % types.length];
      double area = 400 + random.nextDouble() * 4_000;
      double lossWPerM2K = 0.9 + random.nextDouble() * 0.6;
      double offset = random.nextGaussian() * 0.7;
      double lagged = outdoor[0];
      List<HourAggregate> list = new ArrayList<>(hours);
      for (int i = 0; i < hours; i++) {
        Instant hour = from.plusSeconds(3600L * i);
        int localHour = hour.atOffset(ZoneOffset.ofHours(1)).getHour();
        DayOfWeek day = hour.atOffset(ZoneOffset.ofHours(1)).getDayOfWeek();
        double t = outdoor[i] + offset;
        lagged += (t - lagged) / 8.0;
        double setback = localHour >= 22 || localHour < 6 ? 0.75 : 1.0;
        double kw =
            Math.max(0, 20 - lagged) * lossWPerM2K * area / 1000 * setback
                + random.nextGaussian() * 0.03 * area / 1000;
        double quality = random.nextDouble() < 0.02 ? 0.5 : 1.0;
        list.add(
            new HourAggregate(
                hour,
                Math.max(0, kw),
                4,
                t,
                quality,
                localHour,
                day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY));
      }
      result.add(
          new BuildingHistory(
              new BuildingAttributes("syn-" + b, type, Math.rint(area), null), list));
    }
    return result;
  }
}
