package de.vorlauf.domain.features;

import static de.vorlauf.domain.features.FeatureLayout.OUTDOOR;
import static de.vorlauf.domain.features.FeatureLayout.flowRateSensor;
import static de.vorlauf.domain.features.FeatureLayout.flowSensor;
import static de.vorlauf.domain.features.Provenance.FILLED;
import static de.vorlauf.domain.features.Provenance.INTERPOLATED;
import static de.vorlauf.domain.features.Provenance.RAW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.vorlauf.domain.sensor.Quality;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Golden rows computed by hand. The fixture's day is Wednesday 2026-01-14 in Europe/Berlin (UTC+1,
 * first slot 2026-01-13T23:00Z); every sensor has one good reading per slot at a base value:
 * outdoor 2 °C, flow 55 °C, return 40 °C, flow rate 12 L/min, so a row without gaps has spread 15
 * K, heat power 12/60 · 4.18 · 15 = 12.54 kW, degree hours (18 − 2) · 0.25 = 4 K·h, quality 1.
 */
class FeatureCalculatorGoldenTest {

  private static final LocalDate DAY = LocalDate.of(2026, 1, 14);

  @Test
  void aFullSlotIsRawWithTheSourceDocumentsDerivedFeatures() {
    FeatureRow row = new DayFixture(DAY).compute().get(0);

    assertThat(row.slot()).isEqualTo(Instant.parse("2026-01-13T23:00:00Z"));
    assertThat(row.outdoorTemp()).isEqualTo(new Sample(2.0, RAW));
    assertThat(row.circuit(1).spreadK()).isEqualTo(15.0);
    assertThat(row.circuit(1).heatPowerKw()).isCloseTo(12.54, within(1e-9));
    assertThat(row.heatPowerKw()).isCloseTo(12.54, within(1e-9));
    assertThat(row.heatingDegreeHours()).isEqualTo(4.0);
    assertThat(row.quality()).isEqualTo(1.0);
    assertThat(row.localHour()).isZero();
    assertThat(row.dayOfWeek()).isEqualTo(3);
    assertThat(row.holiday()).isFalse();
    assertThat(row.readings()).isEqualTo(4);
    assertThat(row.badReadings()).isZero();
    assertThat(row.indoorTemp()).isEqualTo(Sample.EMPTY);
    assertThat(row.meteredHeatPower()).isEqualTo(Sample.EMPTY);
    assertThat(row.heatPowerDisagreementKw()).isNaN();
  }

  @Test
  void aGapOf30MinutesIsForwardFilled() {
    List<FeatureRow> rows =
        new DayFixture(DAY).set(OUTDOOR, 9, 7.5).remove(OUTDOOR, 10, 12).compute();

    assertThat(outdoor(rows, 9, 13))
        .containsExactly(
            new Sample(7.5, RAW),
            new Sample(7.5, FILLED),
            new Sample(7.5, FILLED),
            new Sample(2.0, RAW));
    assertThat(rows.get(10).heatingDegreeHours()).isEqualTo(2.625); // (18 − 7.5) · 0.25
    assertThat(rows.get(10).quality()).isEqualTo(0.9375); // (0.75 + 1 + 1 + 1) / 4
    assertThat(rows.get(10).readings()).isEqualTo(3);
  }

  @Test
  void aGapOf90MinutesIsInterpolatedInTime() {
    List<FeatureRow> rows =
        new DayFixture(DAY)
            .set(OUTDOOR, 19, 4.0)
            .remove(OUTDOOR, 20, 26)
            .set(OUTDOOR, 26, 11.0)
            .compute();

    assertThat(outdoor(rows, 19, 27))
        .containsExactly(
            new Sample(4.0, RAW),
            new Sample(5.0, INTERPOLATED),
            new Sample(6.0, INTERPOLATED),
            new Sample(7.0, INTERPOLATED),
            new Sample(8.0, INTERPOLATED),
            new Sample(9.0, INTERPOLATED),
            new Sample(10.0, INTERPOLATED),
            new Sample(11.0, RAW));
    assertThat(rows.get(22).quality()).isEqualTo(0.875); // (0.5 + 3) / 4
    assertThat(rows.get(22).heatingDegreeHours()).isEqualTo(2.75); // (18 − 7) · 0.25
  }

  @Test
  void aGapOf2HoursIsStillInterpolated() {
    List<FeatureRow> rows =
        new DayFixture(DAY)
            .set(OUTDOOR, 39, 0.0)
            .remove(OUTDOOR, 40, 48)
            .set(OUTDOOR, 48, 9.0)
            .compute();

    assertThat(outdoor(rows, 40, 48))
        .extracting(Sample::value)
        .containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0);
    assertThat(outdoor(rows, 40, 48)).extracting(Sample::provenance).containsOnly(INTERPOLATED);
  }

  @Test
  void aGapOf3HoursStaysEmptyWhereThePandasChainWouldInventTwelveSlots() {
    List<FeatureRow> rows = new DayFixture(DAY).remove(OUTDOOR, 60, 72).compute();

    assertThat(outdoor(rows, 60, 72)).containsOnly(Sample.EMPTY);
    assertThat(rows.get(59).outdoorTemp()).isEqualTo(new Sample(2.0, RAW));
    assertThat(rows.get(72).outdoorTemp()).isEqualTo(new Sample(2.0, RAW));
    assertThat(rows.get(65).quality()).isEqualTo(0.75);
    assertThat(rows.get(65).heatingDegreeHours()).isNaN();
    assertThat(rows.get(65).circuit(1).heatPowerKw()).isCloseTo(12.54, within(1e-9));
  }

  @Test
  void dataStartingDuringTheDayIsBackFilledFourSlotsAndEmptyBefore() {
    // 06:00 local is slot 24; the first reading there is 3 °C.
    List<FeatureRow> rows =
        new DayFixture(DAY).startsAt(OUTDOOR, 24).set(OUTDOOR, 24, 3.0).compute();

    assertThat(outdoor(rows, 0, 20)).containsOnly(Sample.EMPTY);
    assertThat(outdoor(rows, 20, 25)).containsOnly(new Sample(3.0, FILLED), new Sample(3.0, RAW));
    assertThat(rows.get(20).outdoorTemp().provenance()).isEqualTo(FILLED);
    assertThat(rows.get(24).outdoorTemp().provenance()).isEqualTo(RAW);
  }

  @Test
  void dataEndingDuringTheDayIsForwardFilledFourSlotsAndEmptyAfter() {
    // The last reading is in slot 79 (19:45 local), 5 °C.
    List<FeatureRow> rows = new DayFixture(DAY).endsAt(OUTDOOR, 80).set(OUTDOOR, 79, 5.0).compute();

    assertThat(outdoor(rows, 80, 84)).containsOnly(new Sample(5.0, FILLED));
    assertThat(outdoor(rows, 84, 96)).containsOnly(Sample.EMPTY);
  }

  @Test
  void aBadReadingIsLeftOutOfTheMeanAndCounted() {
    List<FeatureRow> rows =
        new DayFixture(DAY)
            .set(OUTDOOR, 30, 4.0)
            .add(OUTDOOR, 30, 11, 6.0, Quality.UNCERTAIN)
            .add(OUTDOOR, 30, 12, 40.0, Quality.BAD)
            .remove(OUTDOOR, 31, 32)
            .add(OUTDOOR, 31, 3, 40.0, Quality.BAD)
            .compute();

    assertThat(rows.get(30).outdoorTemp()).isEqualTo(new Sample(5.0, RAW)); // (4 + 6) / 2
    assertThat(rows.get(30).readings()).isEqualTo(5);
    assertThat(rows.get(30).badReadings()).isEqualTo(1);
    // A slot with only a bad reading is a gap of one slot: filled from the slot before.
    assertThat(rows.get(31).outdoorTemp()).isEqualTo(new Sample(5.0, FILLED));
    assertThat(rows.get(31).badReadings()).isEqualTo(1);
  }

  @Test
  void aJumpCountsOnceInItsSlotsMeanAndNowhereElse() {
    // 14 K above both neighbours: less than a tenth of the catalogue's 150 K, a real reading
    DayFixture fixture = new DayFixture(DAY).remove(flowSensor(1), 50, 51);
    for (int minute = 0; minute < 14; minute++) {
      fixture.add(flowSensor(1), 50, minute, 50.0, Quality.GOOD);
    }
    List<FeatureRow> rows = fixture.add(flowSensor(1), 50, 14, 64.0, Quality.GOOD).compute();

    assertThat(rows.get(50).circuit(1).flowTemp()).isEqualTo(new Sample(764.0 / 15, RAW));
    assertThat(rows.get(50).badReadings()).isZero();
    assertThat(rows.get(49).circuit(1).flowTemp()).isEqualTo(new Sample(55.0, RAW));
    assertThat(rows.get(51).circuit(1).flowTemp()).isEqualTo(new Sample(55.0, RAW));
  }

  @Test
  void anIsolatedSpikeIsLeftOutOfItsSlotsMeanAndCountedAsBad() {
    // one minute of a flow rate 1,250 L/min too high (the simulator's in-range spike) between two
    // readings that agree: the slot keeps the mean of the other 14
    DayFixture fixture = new DayFixture(DAY).remove(flowRateSensor(1), 50, 51);
    for (int minute = 0; minute < 15; minute++) {
      fixture.add(flowRateSensor(1), 50, minute, minute == 6 ? 1262.0 : 12.0, Quality.GOOD);
    }
    List<FeatureRow> rows = fixture.compute();

    assertThat(rows.get(50).circuit(1).flowRate()).isEqualTo(new Sample(12.0, RAW));
    assertThat(rows.get(50).circuit(1).heatPowerKw()).isCloseTo(12.54, within(1e-9));
    assertThat(rows.get(50).readings()).isEqualTo(3 + 14);
    assertThat(rows.get(50).badReadings()).isEqualTo(1);
    assertThat(rows.get(50).quality()).isEqualTo(1.0);
  }

  @Test
  void theSpringForwardDayHas92SlotsAndSkipsTwoOClock() {
    List<FeatureRow> rows = new DayFixture(LocalDate.of(2026, 3, 29)).compute();

    assertThat(rows).hasSize(92);
    assertThat(rows.get(0).slot()).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
    assertThat(rows.get(91).slot()).isEqualTo(Instant.parse("2026-03-29T21:45:00Z"));
    assertThat(rows.subList(4, 12))
        .extracting(FeatureRow::localHour)
        .containsExactly(1, 1, 1, 1, 3, 3, 3, 3);
    assertThat(rows).extracting(FeatureRow::dayOfWeek).containsOnly(7);
    assertThat(rows).extracting(FeatureRow::quality).containsOnly(1.0);
  }

  @Test
  void theFallBackDayHas100SlotsAndTwoOClockTwice() {
    List<FeatureRow> rows = new DayFixture(LocalDate.of(2026, 10, 25)).compute();

    assertThat(rows).hasSize(100);
    assertThat(rows.get(0).slot()).isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
    assertThat(rows.get(99).slot()).isEqualTo(Instant.parse("2026-10-25T22:45:00Z"));
    assertThat(rows).filteredOn(r -> r.localHour() == 2).hasSize(8);
    assertThat(rows.get(16).localHour()).isEqualTo(3);
    assertThat(rows.get(16).slot()).isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));
  }

  @Test
  void aGapAcrossMidnightIsClassifiedByItsFullLengthOnBothDays() {
    // 23:30 .. 00:45 local: slots 94, 95 of the day and 0, 1, 2 of the next, n = 5.
    DayFixture today =
        new DayFixture(DAY).set(OUTDOOR, 93, 1.0).remove(OUTDOOR, 94, 99).set(OUTDOOR, 99, 7.0);
    DayFixture tomorrow =
        new DayFixture(DAY.plusDays(1))
            .set(OUTDOOR, -3, 1.0)
            .remove(OUTDOOR, -2, 3)
            .set(OUTDOOR, 3, 7.0);

    assertThat(outdoor(today.compute(), 93, 96))
        .containsExactly(
            new Sample(1.0, RAW), new Sample(2.0, INTERPOLATED), new Sample(3.0, INTERPOLATED));
    assertThat(outdoor(tomorrow.compute(), 0, 4))
        .containsExactly(
            new Sample(4.0, INTERPOLATED),
            new Sample(5.0, INTERPOLATED),
            new Sample(6.0, INTERPOLATED),
            new Sample(7.0, RAW));
    // A reading in that gap arriving late changes both days.
    assertThat(FeatureRules.affectedDays(today.slotStart(97), DayFixture.BERLIN))
        .containsExactly(DAY, DAY.plusDays(1));
    assertThat(FeatureRules.affectedDays(today.slotStart(40), DayFixture.BERLIN))
        .containsExactly(DAY);
  }

  @Test
  void heatPowerAndDegreeHoursFollowTheSourceDocumentsFormulas() {
    List<FeatureRow> rows =
        new DayFixture(DAY)
            .base(FeatureLayout.METERED_HEAT_POWER, 12.0)
            .set(OUTDOOR, 5, 3.0)
            .set(OUTDOOR, 6, 20.0)
            .set(OUTDOOR, 7, 20.0) // a step: one reading 18 K off both neighbours is a spike
            .compute();

    // flow_kg_s = flow_rate / 60; heat_power_kw = flow_kg_s * 4.18 * spreizung
    double source = 12.0 / 60 * 4.18 * (55.0 - 40.0);
    assertThat(rows.get(5).circuit(1).heatPowerKw()).isCloseTo(source, within(1e-12));
    assertThat(rows.get(5).meteredHeatPower()).isEqualTo(new Sample(12.0, RAW));
    assertThat(rows.get(5).heatPowerDisagreementKw()).isCloseTo(12.0 - 12.54, within(1e-9));
    // (18 − outdoor).clip(lower=0), per slot of a quarter hour
    assertThat(rows.get(5).heatingDegreeHours()).isEqualTo(3.75);
    assertThat(rows.get(6).heatingDegreeHours()).isZero();
  }

  @Test
  void holidaysComeFromTheConfiguredCalendarInLocalTime() {
    List<FeatureRow> christmas = new DayFixture(LocalDate.of(2026, 12, 25)).compute();
    assertThat(christmas).extracting(FeatureRow::holiday).containsOnly(true);

    List<FeatureRow> goodFriday = new DayFixture(LocalDate.of(2026, 4, 3)).compute();
    assertThat(goodFriday).extracting(FeatureRow::holiday).containsOnly(true);

    DayFixture ordinary = new DayFixture(DAY);
    assertThat(
            new FeatureCalculator(HolidayCalendar.parse(List.of("01-14")))
                .compute(ordinary.input()))
        .extracting(FeatureRow::holiday)
        .containsOnly(true);
  }

  @Test
  void featuresNowReadTheSameRulesOnAWindowThatEndsAtTheLatestData() {
    DayFixture fixture = new DayFixture(DAY);
    List<RawReading> upToNoon =
        fixture.readings().stream().filter(r -> r.time().isBefore(fixture.slotStart(48))).toList();
    FeatureInput now =
        new FeatureInput(
            "b1",
            new FeatureLayout(1),
            DayFixture.BERLIN,
            fixture.slotStart(40),
            fixture.slotStart(52),
            upToNoon,
            Set.copyOf(new FeatureLayout(1).sensorIds()),
            Set.of());

    List<FeatureRow> rows = new FeatureCalculator(HolidayCalendar.none()).compute(now);
    assertThat(outdoor(rows, 0, 12))
        .extracting(Sample::provenance)
        .containsExactly(RAW, RAW, RAW, RAW, RAW, RAW, RAW, RAW, FILLED, FILLED, FILLED, FILLED);
  }

  private static List<Sample> outdoor(List<FeatureRow> rows, int from, int to) {
    List<Sample> samples = new ArrayList<>();
    for (int i = from; i < to; i++) {
      samples.add(rows.get(i).outdoorTemp());
    }
    return samples;
  }
}
