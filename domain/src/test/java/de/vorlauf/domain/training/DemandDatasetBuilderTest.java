package de.vorlauf.domain.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.vorlauf.domain.heating.HeatingType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class DemandDatasetBuilderTest {

  private static final Instant FROM = Instant.parse("2026-01-15T00:00:00Z");
  private static final Instant TO = FROM.plus(Duration.ofDays(12));
  private static final TimeSplit SPLIT = TimeSplit.of(FROM, TO, 0.15, 0.15, Duration.ofDays(1));

  @Test
  void everyInputIsKnownWhenTheForecastIsIssued() {
    List<BuildingHistory> original = List.of(history("a", 1000.0, h -> h));
    DemandDataset before = DemandDatasetBuilder.build(original, SPLIT, 1, 0.8);
    DemandSample probe = before.samples().get(before.samples().size() / 2);
    Instant t = probe.issuedAt();
    // everything from the issue hour on replaced: the sample's inputs must not move
    List<BuildingHistory> future =
        List.of(
            history(
                "a",
                1000.0,
                h ->
                    h.hour().isBefore(t)
                        ? h
                        : new HourAggregate(
                            h.hour(),
                            h.heatPowerKw() * 3 + 7,
                            4,
                            h.outdoorC() - 9,
                            1.0,
                            h.localHour(),
                            h.offDay())));
    DemandSample after =
        DemandDatasetBuilder.build(future, SPLIT, 1, 0.8).samples().stream()
            .filter(s -> s.issuedAt().equals(t))
            .findFirst()
            .orElseThrow();
    assertThat(after.features()).containsExactly(probe.features());
    assertThat(after.targetWm2()).isNotEqualTo(probe.targetWm2());
  }

  @Test
  void servingBuildsTheSameRowFromTheHoursBeforeIssueAsTraining() {
    BuildingHistory history = history("a", 1500.0, h -> h);
    List<DemandSample> samples =
        DemandDatasetBuilder.build(List.of(history), SPLIT, 1, 0.8).samples();
    for (DemandSample s : List.of(samples.get(0), samples.get(samples.size() / 2))) {
      Instant t = s.issuedAt();
      HourAggregate target =
          history.hours().stream().filter(h -> h.hour().equals(t)).findFirst().orElseThrow();
      List<HourAggregate> known =
          history.hours().stream().filter(h -> h.hour().isBefore(t)).toList();

      DemandInputs.Served served =
          DemandInputs.serve(
              history.building(),
              known,
              t,
              new DemandInputs.TargetCalendar(target.localHour(), target.offDay()),
              0.8);

      assertThat(served.problem()).isNull();
      assertThat(served.row()).containsExactly(s.features());
    }
  }

  @Test
  void servingRefusesARowWhoseDayAgoHourIsMissingAndABuildingWithoutArea() {
    BuildingHistory history = history("a", 1500.0, h -> h);
    Instant t = FROM.plus(Duration.ofDays(3));
    List<HourAggregate> gap =
        history.hours().stream()
            .filter(h -> h.hour().isBefore(t) && !h.hour().equals(t.minus(Duration.ofDays(1))))
            .toList();
    DemandInputs.TargetCalendar calendar = new DemandInputs.TargetCalendar(3, false);

    assertThat(DemandInputs.serve(history.building(), gap, t, calendar, 0.8).problem())
        .contains("incomplete");
    assertThat(
            DemandInputs.serve(history("b", null, h -> h).building(), gap, t, calendar, 0.8)
                .problem())
        .contains("area_m2");
  }

  @Test
  void theForecastIsTheLastHourBeforeIssueAndTheLagsAreTheTargetHoursEarlier() {
    DemandSample s =
        DemandDatasetBuilder.build(List.of(history("a", 2000.0, h -> h)), SPLIT, 1, 0.8)
            .samples()
            .get(30);
    Instant t = s.issuedAt();
    assertThat(s.targetHour()).isEqualTo(t);
    assertThat(s.feature(DemandFeature.OUTDOOR_FORECAST_C))
        .isEqualTo(outdoor(t.minusSeconds(3600)));
    assertThat(s.feature(DemandFeature.FORECAST_DEGREE_HOURS))
        .isCloseTo(18 - outdoor(t.minusSeconds(3600)), within(1e-12));
    assertThat(s.feature(DemandFeature.DEMAND_LAST_HOUR_W_M2))
        .isCloseTo(power(t.minusSeconds(3600)) * 1000 / 2000, within(1e-12));
    assertThat(s.feature(DemandFeature.DEMAND_WEEK_AGO_W_M2))
        .isCloseTo(power(t.minus(Duration.ofDays(7))) * 1000 / 2000, within(1e-12));
    assertThat(s.targetKw()).isCloseTo(power(t), within(1e-9));
    assertThat(s.feature(DemandFeature.HEATING_FERNWAERME)).isEqualTo(1);
    assertThat(s.feature(DemandFeature.HEATING_GAS)).isZero();
  }

  @Test
  void aLongerHorizonMovesTheTargetNotTheInputs() {
    DemandSample s =
        DemandDatasetBuilder.build(List.of(history("a", 1000.0, h -> h)), SPLIT, 3, 0.8)
            .samples()
            .get(30);
    Instant t = s.issuedAt();
    assertThat(s.targetHour()).isEqualTo(t.plus(Duration.ofHours(2)));
    assertThat(s.targetKw()).isCloseTo(power(t.plus(Duration.ofHours(2))), within(1e-9));
    assertThat(s.feature(DemandFeature.OUTDOOR_FORECAST_C))
        .isEqualTo(outdoor(t.minusSeconds(3600)));
    assertThat(s.feature(DemandFeature.DEMAND_DAY_AGO_W_M2))
        .isCloseTo(power(t.plus(Duration.ofHours(2)).minus(Duration.ofDays(1))), within(1e-12));
  }

  @Test
  void noTargetOfOnePartIsWithinTheGapOfTheNext() {
    DemandDataset data =
        DemandDatasetBuilder.build(
            List.of(history("a", 1000.0, h -> h), history("b", 800.0, h -> h)), SPLIT, 1, 0.8);
    Instant lastTrain = last(data, TimeSplit.Part.TRAIN);
    Instant firstValidation = first(data, TimeSplit.Part.VALIDATION);
    Instant lastValidation = last(data, TimeSplit.Part.VALIDATION);
    Instant firstHoldout = first(data, TimeSplit.Part.HOLDOUT);
    Duration gap = SPLIT.gap();
    assertThat(lastTrain.plus(Duration.ofHours(1)).plus(gap)).isBeforeOrEqualTo(firstValidation);
    assertThat(lastValidation.plus(Duration.ofHours(1)).plus(gap)).isBeforeOrEqualTo(firstHoldout);
    assertThat(data.samples()).noneMatch(s -> s.part() == TimeSplit.Part.NONE);
  }

  @Test
  void hoursBelowTheQualityThresholdDropTheSamplesThatReadThem() {
    Instant poor = FROM.plus(Duration.ofDays(3));
    UnaryOperator<HourAggregate> degrade =
        h ->
            h.hour().equals(poor)
                ? new HourAggregate(
                    h.hour(), h.heatPowerKw(), 4, h.outdoorC(), 0.5, h.localHour(), h.offDay())
                : h;
    List<BuildingHistory> histories = List.of(history("a", 1000.0, degrade));
    DemandDataset strict = DemandDatasetBuilder.build(histories, SPLIT, 1, 0.8);
    // the poor hour is read as target, last hour, a day later and a week later
    assertThat(strict.belowQuality()).isEqualTo(4);
    assertThat(strict.samples()).noneMatch(s -> s.targetHour().equals(poor));
    assertThat(DemandDatasetBuilder.build(histories, SPLIT, 1, 0.5).belowQuality()).isZero();
  }

  @Test
  void aBuildingWithoutAreaIsLeftOutAndNamed() {
    DemandDataset data =
        DemandDatasetBuilder.build(
            List.of(history("a", 1000.0, h -> h), history("noarea", null, h -> h)), SPLIT, 1, 0.8);
    assertThat(data.excludedBuildings()).containsEntry("noarea", "no area_m2 in the registry");
    assertThat(data.samples()).allMatch(s -> s.buildingId().equals("a"));
  }

  @Test
  void theLineageCoversTheLocalDaysTheReadCanTouch() {
    FeatureLineage lineage =
        FeatureLineage.of(
            Instant.parse("2026-01-08T00:00:00Z"),
            Instant.parse("2026-01-29T00:00:00Z"),
            List.of(history("a", 1000.0, h -> h)));
    assertThat(lineage.firstDay()).isEqualTo(LocalDate.of(2026, 1, 7));
    assertThat(lineage.lastDay()).isEqualTo(LocalDate.of(2026, 1, 29));
    assertThat(lineage.buildingIds()).containsExactly("a");
  }

  @Test
  void theFingerprintFollowsTheData() {
    List<BuildingHistory> a = List.of(history("a", 1000.0, h -> h));
    String fingerprint = DemandDatasetBuilder.build(a, SPLIT, 1, 0.8).fingerprint();
    assertThat(DemandDatasetBuilder.build(a, SPLIT, 1, 0.8).fingerprint()).isEqualTo(fingerprint);
    List<BuildingHistory> changed = List.of(history("a", 1001.0, h -> h));
    assertThat(DemandDatasetBuilder.build(changed, SPLIT, 1, 0.8).fingerprint())
        .isNotEqualTo(fingerprint);
  }

  private static Instant first(DemandDataset data, TimeSplit.Part part) {
    return data.part(part).stream()
        .map(DemandSample::targetHour)
        .min(Comparator.naturalOrder())
        .orElseThrow();
  }

  private static Instant last(DemandDataset data, TimeSplit.Part part) {
    return data.part(part).stream()
        .map(DemandSample::targetHour)
        .max(Comparator.naturalOrder())
        .orElseThrow();
  }

  private static double outdoor(Instant hour) {
    long h = hour.getEpochSecond() / 3600;
    return 5 + 6 * Math.sin(h / 7.0);
  }

  private static double power(Instant hour) {
    long h = hour.getEpochSecond() / 3600;
    return 40 + 10 * Math.cos(h / 5.0) + (h % 24);
  }

  private static BuildingHistory history(
      String id, Double area, UnaryOperator<HourAggregate> change) {
    List<HourAggregate> hours = new ArrayList<>();
    for (Instant h = FROM.minus(DemandDatasetBuilder.LOOKBACK);
        h.isBefore(TO);
        h = h.plusSeconds(3600)) {
      int localHour = (int) ((h.getEpochSecond() / 3600 + 1) % 24);
      hours.add(change.apply(new HourAggregate(h, power(h), 4, outdoor(h), 1.0, localHour, false)));
    }
    return new BuildingHistory(
        new BuildingAttributes(id, HeatingType.FERNWAERME, area, null), hours);
  }
}
