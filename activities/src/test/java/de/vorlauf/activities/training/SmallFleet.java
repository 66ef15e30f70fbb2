package de.vorlauf.activities.training;

import de.vorlauf.domain.training.BuildingHistory;
import de.vorlauf.domain.training.DemandDatasetBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The trainer's unit tests' fleet and parameters: 4 synthetic buildings × 3 weeks (a week before
 * for the lags), an 8-8 MLP, up to 6 epochs — a model in a few seconds.
 */
final class SmallFleet {

  static final Instant FROM = Instant.parse("2026-01-08T00:00:00Z");
  static final Instant TO = Instant.parse("2026-01-29T00:00:00Z");
  static final TrainingParameters PARAMETERS =
      new TrainingParameters(
          FROM,
          TO,
          List.of(),
          1,
          List.of(8, 8),
          6,
          3,
          5e-3,
          128,
          7,
          0.8,
          0.15,
          0.15,
          Duration.ofDays(1),
          1,
          100);

  private SmallFleet() {}

  static List<BuildingHistory> histories() {
    return SyntheticFleet.histories(4, FROM.minus(DemandDatasetBuilder.LOOKBACK), TO, 1);
  }
}
