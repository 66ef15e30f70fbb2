package de.vorlauf.activities.training;

import de.vorlauf.domain.features.FeatureCalculator;
import de.vorlauf.domain.features.FeatureInput;
import de.vorlauf.domain.features.FeatureLayout;
import de.vorlauf.domain.features.FeatureRow;
import de.vorlauf.domain.features.HolidayCalendar;
import de.vorlauf.domain.features.RawReading;
import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.training.BuildingAttributes;
import de.vorlauf.domain.training.BuildingHistory;
import de.vorlauf.domain.training.HourAggregate;
import de.vorlauf.domain.training.RegressionMetrics;
import de.vorlauf.persistence.timeseries.QualityCode;
import de.vorlauf.simulator.physics.BuildingSpec;
import de.vorlauf.testdata.Dataset;
import de.vorlauf.testdata.DatasetSpec;
import de.vorlauf.testdata.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A first look at issue 20's accuracy target on the simulator's physics, outside the suite (no
 * {@code Test}/{@code IT} name): the test-data fixture's simulated readings (simulator physics, the
 * gateways' sensors) turned into features by the ETL's own {@link FeatureCalculator} in memory,
 * rolled up to hours as {@code TrainingDataRepository} does in SQL, then trained with the default
 * parameters. Not the target's measurement — that is on a simulator backfill through ingestion and
 * the ETL in the database — but the same physics and feature rules. Prints model and degree-hour
 * RMSE per heating type and their ratio (target ≤ 0.7).
 */
class SimulatorAccuracyProbe {

  private static final Logger log = LoggerFactory.getLogger(SimulatorAccuracyProbe.class);

  @Test
  void modelAgainstTheDegreeHourBaselineOnSimulatedBuildings() {
    int buildings = Integer.getInteger("probe.buildings", 12);
    int days = Integer.getInteger("probe.days", 35);
    Instant start = Instant.parse("2026-01-05T00:00:00Z");
    Dataset dataset =
        TestData.dataset(new DatasetSpec(42, buildings, start, days, Duration.ofMinutes(5)));
    Map<String, List<RawReading>> readings = new HashMap<>();
    dataset.forEachReading(
        (series, time, value, quality) ->
            readings
                .computeIfAbsent(series.buildingId(), id -> new ArrayList<>())
                .add(
                    new RawReading(
                        FeatureLayout.canonicalSensorId(series.sensorId()),
                        time,
                        value,
                        QualityCode.quality(quality))));
    FeatureCalculator calculator = new FeatureCalculator(HolidayCalendar.germany());
    List<BuildingHistory> histories = new ArrayList<>();
    Instant end = start.plus(Duration.ofDays(days));
    for (BuildingSpec spec : dataset.buildings()) {
      BuildingConfig config = spec.config();
      List<FeatureRow> rows =
          calculator.compute(
              new FeatureInput(
                  config.buildingId(),
                  new FeatureLayout(config.heatingCircuits()),
                  config.timeZone(),
                  start,
                  end,
                  readings.getOrDefault(config.buildingId(), List.of()),
                  Set.of(),
                  Set.of()));
      histories.add(
          new BuildingHistory(
              new BuildingAttributes(
                  config.buildingId(), config.heatingType(), config.areaM2(), config.yearBuilt()),
              hours(rows)));
    }
    Instant from = start.plus(Duration.ofDays(8));
    TrainingResult result =
        new HeatDemandTrainer("probe")
            .train(
                TrainingParameters.defaults(from, end),
                SyntheticFleet.data(histories),
                TrainingProgress.NONE,
                null);
    StringBuilder line = new StringBuilder();
    for (String type :
        List.of("all", "gas", "fernwaerme", "waermepumpe", "hybrid").stream()
            .filter(t -> result.metrics().stream().anyMatch(m -> m.heatingType().equals(t)))
            .toList()) {
      RegressionMetrics model = result.metric(TrainingResult.MODEL, type);
      RegressionMetrics degree = result.metric(TrainingResult.DEGREE_HOURS, type);
      RegressionMetrics persistence = result.metric(TrainingResult.PERSISTENCE, type);
      line.append(
          String.format(
              "%n  %-11s n=%5d  mlp RMSE %7.3f kW (MAE %6.3f, bias %+6.3f, R² %.3f)  degree hours"
                  + " %7.3f kW (R² %.3f)  persistence %7.3f kW  ratio mlp/degree %.2f",
              type,
              model.n(),
              model.rmse(),
              model.mae(),
              model.bias(),
              model.r2(),
              degree.rmse(),
              degree.r2(),
              persistence.rmse(),
              model.rmse() / degree.rmse()));
    }
    log.info(
        "PROBE {} simulated buildings x {} days ({} train, {} holdout samples, excluded {}), {} epochs"
            + " (best {}), importance top: {}{}",
        buildings,
        days,
        result.dataset().trainRows(),
        result.dataset().holdoutRows(),
        result.dataset().excludedBuildings(),
        result.lossCurve().size(),
        result.bestEpoch(),
        result.importance().stream()
            .sorted((a, b) -> Double.compare(b.rmseIncrease(), a.rmseIncrease()))
            .limit(4)
            .map(i -> i.feature() + String.format(" %.2f", i.rmseIncrease()))
            .toList(),
        line);
  }

  /** The repository's SQL roll-up, in Java: 15-minute rows to UTC hours. */
  static List<HourAggregate> hours(List<FeatureRow> rows) {
    List<HourAggregate> hours = new ArrayList<>();
    int i = 0;
    while (i < rows.size()) {
      Instant hour = Instant.ofEpochSecond(rows.get(i).slot().getEpochSecond() / 3600 * 3600);
      FeatureRow first = rows.get(i);
      double power = 0;
      int powerSlots = 0;
      double outdoor = 0;
      int outdoorSlots = 0;
      double quality = 0;
      while (i < rows.size()
          && rows.get(i).slot().getEpochSecond() / 3600 * 3600 == hour.getEpochSecond()) {
        FeatureRow r = rows.get(i);
        if (!Double.isNaN(r.heatPowerKw())) {
          power += r.heatPowerKw();
          powerSlots++;
        }
        if (!r.outdoorTemp().isEmpty()) {
          outdoor += r.outdoorTemp().value();
          outdoorSlots++;
        }
        quality += r.quality();
        i++;
      }
      hours.add(
          new HourAggregate(
              hour,
              powerSlots == 0 ? Double.NaN : power / powerSlots,
              powerSlots,
              outdoorSlots == 0 ? Double.NaN : outdoor / outdoorSlots,
              quality / 4,
              first.localHour(),
              first.dayOfWeek() >= 6 || first.holiday()));
    }
    return hours;
  }
}
