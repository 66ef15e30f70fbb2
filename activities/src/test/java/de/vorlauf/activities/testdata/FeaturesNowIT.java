package de.vorlauf.activities.testdata;

import static de.vorlauf.domain.features.Provenance.EMPTY;
import static de.vorlauf.domain.features.Provenance.FILLED;
import static de.vorlauf.domain.features.Provenance.INTERPOLATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.domain.features.CircuitFeatures;
import de.vorlauf.domain.features.FeatureCalculator;
import de.vorlauf.domain.features.FeatureLayout;
import de.vorlauf.domain.features.FeatureRow;
import de.vorlauf.domain.features.HolidayCalendar;
import de.vorlauf.domain.features.Provenance;
import de.vorlauf.domain.features.Sample;
import de.vorlauf.persistence.features.FeaturesNow;
import de.vorlauf.testdata.Dataset;
import de.vorlauf.testdata.DayFeatures;
import de.vorlauf.testdata.MigratedWithTestData;
import de.vorlauf.testdata.TestData;
import de.vorlauf.testsupport.DatabaseFrom;
import de.vorlauf.testsupport.TestDatabase;
import de.vorlauf.testsupport.TestServices;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Features now" serve what the ETL computes: on the fixture's stored readings, {@code FeaturesNow}
 * gives the same rows as the fixture's features (which {@code TestDataFeaturesIT} proves are the
 * ETL's) for the same slots, and at an as-of instant it reads nothing that came later.
 */
@ExtendWith(TestServices.class)
@DatabaseFrom(MigratedWithTestData.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeaturesNowIT {

  private TestDatabase db;
  private Dataset dataset;
  private DayFeatures ordinaryDay;
  private FeaturesNow featuresNow;

  @BeforeAll
  void start(TestDatabase database) {
    db = database;
    dataset = TestData.standard();
    // a full local day in the middle of the data (the worker's default calendar, as the fixture)
    ordinaryDay =
        dataset.features().stream()
            .filter(d -> d.day().start().isAfter(dataset.spec().start().plus(Duration.ofDays(6))))
            .findFirst()
            .orElseThrow();
    featuresNow =
        new FeaturesNow(database.dataSource(), new FeatureCalculator(HolidayCalendar.germany()));
  }

  @Test
  void aPastDayAsKnownLaterEqualsTheEtlsRows() throws Exception {
    Instant dayStart = ordinaryDay.day().start();
    Instant dayEnd = ordinaryDay.day().end();
    List<FeatureRow> now =
        featuresNow.between(
            ordinaryDay.day().buildingId(), dayStart, dayEnd, dayEnd.plus(Duration.ofHours(6)));

    assertThat(now).hasSize(ordinaryDay.rows().size());
    assertThat(differences(ordinaryDay.rows(), now)).isEmpty();
  }

  @Test
  void recentSlotsAtAnAsOfInstantReadNothingLaterAndFollowTheEdgeRule() throws Exception {
    // two days after the ordinary day (the first test's margin does not reach it), its outdoor
    // sensor misses everything from 90 minutes before noon up to as-of (12:07): 6 empty slots,
    // interpolated once the readings after as-of exist (12:10 on), but at as-of nothing after
    // the gap is known, so only the edge rule applies (4 slots forward-filled, the rest empty)
    DayFeatures day = dayAfter(ordinaryDay, 2);
    String building = day.day().buildingId();
    Instant dayStart = day.day().start();
    Instant noon = dayStart.plus(Duration.ofHours(12));
    Instant asOf = noon.plusSeconds(7 * 60);
    db.execute(
        "DELETE FROM readings USING series WHERE readings.series_id = series.id"
            + " AND series.building_id = '"
            + building
            + "' AND series.sensor_id = '"
            + FeatureLayout.OUTDOOR
            + "' AND readings.time >= '"
            + noon.minus(Duration.ofMinutes(90))
            + "' AND readings.time < '"
            + asOf
            + "'");

    List<FeatureRow> atAsOf = featuresNow.recent(building, asOf, Duration.ofHours(6));
    assertThat(atAsOf).hasSize(24);
    assertThat(atAsOf.get(0).slot()).isEqualTo(noon.minus(Duration.ofHours(6)));
    assertThat(atAsOf.get(23).slot()).isEqualTo(noon.minus(Duration.ofMinutes(15)));
    assertThat(outdoor(atAsOf, 18, 24))
        .containsExactly(FILLED, FILLED, FILLED, FILLED, EMPTY, EMPTY);

    List<FeatureRow> later =
        featuresNow.between(
            building, atAsOf.get(0).slot(), noon, dayStart.plus(Duration.ofDays(1)));
    assertThat(outdoor(later, 18, 24)).containsOnly(INTERPOLATED);

    // the slots before the gap are the ETL's (the fixture's rows of that day)
    List<FeatureRow> etl =
        day.rows().stream().filter(r -> !r.slot().isBefore(atAsOf.get(0).slot())).toList();
    assertThat(differences(etl.subList(0, 18), atAsOf.subList(0, 18))).isEmpty();
  }

  @Test
  void anUnknownBuildingOrARaggedLookbackIsRefused() {
    Instant asOf = ordinaryDay.day().end();
    assertThatThrownBy(() -> featuresNow.recent("no-such-building", asOf, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-such-building");
    assertThatThrownBy(
            () -> featuresNow.recent(ordinaryDay.day().buildingId(), asOf, Duration.ofMinutes(20)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("15 minutes");
  }

  private DayFeatures dayAfter(DayFeatures day, int days) {
    return dataset.features().stream()
        .filter(
            d ->
                d.day().buildingId().equals(day.day().buildingId())
                    && d.day().date().equals(day.day().date().plusDays(days)))
        .findFirst()
        .orElseThrow();
  }

  private static List<Provenance> outdoor(List<FeatureRow> rows, int from, int to) {
    return rows.subList(from, to).stream().map(r -> r.outdoorTemp().provenance()).toList();
  }

  /** Up to 20 differences; values equal within 1e-9 (the readings' order may differ). */
  private static List<String> differences(List<FeatureRow> expected, List<FeatureRow> actual) {
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < Math.min(expected.size(), actual.size()) && differences.size() < 20; i++) {
      FeatureRow e = expected.get(i);
      FeatureRow a = actual.get(i);
      String key = e.buildingId() + " " + e.slot();
      same(differences, key + " slot", e.slot().toEpochMilli(), a.slot().toEpochMilli());
      same(differences, key + " building", e.buildingId().hashCode(), a.buildingId().hashCode());
      same(differences, key + " outdoor", e.outdoorTemp(), a.outdoorTemp());
      same(differences, key + " indoor", e.indoorTemp(), a.indoorTemp());
      same(differences, key + " metered", e.meteredHeatPower(), a.meteredHeatPower());
      for (int c = 0; c < e.circuits().size(); c++) {
        CircuitFeatures ec = e.circuits().get(c);
        CircuitFeatures ac = a.circuits().get(c);
        same(differences, key + " flow " + c, ec.flowTemp(), ac.flowTemp());
        same(differences, key + " return " + c, ec.returnTemp(), ac.returnTemp());
        same(differences, key + " rate " + c, ec.flowRate(), ac.flowRate());
        same(differences, key + " spread " + c, ec.spreadK(), ac.spreadK());
      }
      same(differences, key + " power", e.heatPowerKw(), a.heatPowerKw());
      same(differences, key + " degree hours", e.heatingDegreeHours(), a.heatingDegreeHours());
      same(differences, key + " quality", e.quality(), a.quality());
      same(differences, key + " hour", e.localHour(), a.localHour());
      same(differences, key + " holiday", e.holiday() ? 1 : 0, a.holiday() ? 1 : 0);
      same(differences, key + " readings", e.readings(), a.readings());
      same(differences, key + " bad", e.badReadings(), a.badReadings());
    }
    return differences;
  }

  private static void same(List<String> differences, String what, Sample e, Sample a) {
    if (e.provenance() != a.provenance()) {
      differences.add(what + ": " + e + " <> " + a);
    } else {
      same(differences, what, e.value(), a.value());
    }
  }

  private static void same(List<String> differences, String what, double e, double a) {
    boolean equal = Double.isNaN(e) ? Double.isNaN(a) : Math.abs(e - a) <= 1e-9;
    if (!equal) {
      differences.add(what + ": " + e + " <> " + a);
    }
  }
}
