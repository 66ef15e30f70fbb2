package de.vorlauf.simulator.cloud;

import static de.vorlauf.simulator.cloud.CloudFixture.T0;
import static de.vorlauf.simulator.cloud.CloudFixture.WITHOUT_ROOM;
import static de.vorlauf.simulator.cloud.CloudFixture.WITH_ROOM;
import static de.vorlauf.simulator.cloud.CloudFixture.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import de.vorlauf.simulator.physics.SensorSample;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordedCloudDataTest {

  private static final String OUTSIDE = "heating.sensors.temperature.outside";
  private static final String FLOW = "heating.circuits.0.sensors.volumetricFlow.allengra";
  private static final String ROOM = "heating.circuits.0.sensors.temperature.room";

  private final CloudFixture fixture = new CloudFixture();
  private final RecordedCloudData data = fixture.data;

  @Test
  void mapsSensorsToFeaturesInVendorUnits() {
    Instant t = minute(3);
    data.record(
        WITH_ROOM,
        t,
        List.of(
            new SensorSample("outdoor_temp", 3.4, "degC", "good", t),
            new SensorSample("vorlauf_temp_hk1", 45.5, "degC", "good", t),
            new SensorSample("ruecklauf_temp_hk1", 33.0, "degC", "good", t),
            new SensorSample("indoor_temp", 20.5, "degC", "good", t),
            new SensorSample("flow_rate_hk1", 12.5, "L/min", "good", t),
            new SensorSample("heat_power", 7.25, "kW", "good", t),
            new SensorSample("heat_energy", 12345.5, "kWh", "good", t)));
    data.advanceTo(t);

    assertLatest(OUTSIDE, 3.4, "celsius");
    assertLatest("heating.circuits.0.sensors.temperature.supply", 45.5, "celsius");
    assertLatest("heating.sensors.temperature.return", 33.0, "celsius");
    assertLatest(ROOM, 20.5, "celsius");
    assertLatest(FLOW, 750.0, "liter/hour");
    assertLatest("heating.power.production.current", 7.25, "kilowatt");
    assertLatest("heating.power.production.cumulative", 12345.5, "kilowattHour");
  }

  @Test
  void convertsOtherAcceptedSpellingsThroughTheCatalogue() {
    Instant t = minute(0);
    data.record(
        WITH_ROOM,
        t,
        List.of(
            new SensorSample("flow_rate_hk1", 600, "l/h", "good", t),
            new SensorSample("heat_power", 2500, "W", "good", t)));
    data.advanceTo(t);

    assertThat(data.latest(WITH_ROOM, FLOW).orElseThrow().value()).isCloseTo(600, within(1e-9));
    assertThat(data.latest(WITH_ROOM, "heating.power.production.current").orElseThrow().value())
        .isCloseTo(2.5, within(1e-12));
    assertThatThrownBy(
            () ->
                data.record(
                    WITH_ROOM, t, List.of(new SensorSample("heat_power", 1, "PS", "good", t))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PS");
  }

  @Test
  void leavesOutSensorsWithoutFeatureAndNonFiniteValues() {
    Instant t = minute(0);
    data.record(
        WITHOUT_ROOM,
        t,
        List.of(
            new SensorSample("indoor_temp", 21, "degC", "good", t),
            new SensorSample("co2_ppm", 400, "ppm", "good", t),
            new SensorSample("outdoor_temp", Double.NaN, "degC", "bad", t)));
    data.advanceTo(t);

    assertThat(data.latest(WITHOUT_ROOM, OUTSIDE)).isEmpty();
    assertThatThrownBy(() -> data.latest(WITHOUT_ROOM, ROOM))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void servesNothingAfterNow() {
    fixture.recordMinutes(100);
    assertThat(data.latest(WITH_ROOM, OUTSIDE)).isEmpty();
    assertThat(data.history(WITH_ROOM, OUTSIDE, Instant.MIN, Instant.MAX)).isEmpty();

    data.advanceTo(minute(40).plusSeconds(59));

    CloudPoint latest = data.latest(WITH_ROOM, OUTSIDE).orElseThrow();
    assertThat(latest.timestamp()).isEqualTo(minute(40));
    List<CloudPoint> all = data.history(WITH_ROOM, OUTSIDE, Instant.MIN, Instant.MAX);
    assertThat(all).hasSize(41);
    assertThat(all.get(40).timestamp()).isEqualTo(minute(40));
    assertThat(data.page(WITH_ROOM, OUTSIDE, minute(30), Instant.MAX, 10).truncated()).isFalse();

    assertThatThrownBy(() -> data.advanceTo(minute(39)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void historyExcludesFromAndIncludesTo() {
    fixture.recordMinutes(60);
    data.advanceTo(minute(59));

    List<CloudPoint> window = data.history(WITH_ROOM, OUTSIDE, minute(10), minute(20));
    assertThat(window).extracting(CloudPoint::timestamp).first().isEqualTo(minute(11));
    assertThat(window).extracting(CloudPoint::timestamp).last().isEqualTo(minute(20));
    assertThat(window).hasSize(10);

    List<CloudPoint> unaligned =
        data.history(WITH_ROOM, OUTSIDE, minute(10).minusMillis(1), minute(20).minusMillis(1));
    assertThat(unaligned).extracting(CloudPoint::timestamp).first().isEqualTo(minute(10));
    assertThat(unaligned).extracting(CloudPoint::timestamp).last().isEqualTo(minute(19));
    assertThat(data.history(WITH_ROOM, OUTSIDE, minute(20), minute(20))).isEmpty();
  }

  @Test
  void pagesSayWhetherMoreFollows() {
    fixture.recordMinutes(30);
    data.advanceTo(minute(29));

    CloudPage first = data.page(WITH_ROOM, OUTSIDE, minute(0), minute(29), 20);
    CloudPage rest =
        data.page(WITH_ROOM, OUTSIDE, first.points().get(19).timestamp(), minute(29), 20);
    CloudPage exact = data.page(WITH_ROOM, OUTSIDE, minute(9), minute(29), 20);

    assertThat(first.points()).hasSize(20);
    assertThat(first.truncated()).isTrue();
    assertThat(rest.points()).hasSize(9);
    assertThat(rest.truncated()).isFalse();
    assertThat(exact.points()).hasSize(20);
    assertThat(exact.truncated()).isFalse();
  }

  @Test
  void acceptsMinutesOutOfOrderAndReplacesARecordedMinute() {
    data.record(WITH_ROOM, minute(50), CloudFixture.samples(WITH_ROOM, 50));
    data.record(WITH_ROOM, minute(10).plusSeconds(30), CloudFixture.samples(WITH_ROOM, 10));
    data.record(WITH_ROOM, minute(60), CloudFixture.samples(WITH_ROOM, 60));
    Instant t = minute(50);
    data.record(WITH_ROOM, t, List.of(new SensorSample("outdoor_temp", -12.5, "degC", "good", t)));
    data.advanceTo(minute(100));

    assertThat(data.history(WITH_ROOM, OUTSIDE, Instant.MIN, Instant.MAX))
        .extracting(CloudPoint::timestamp, CloudPoint::value)
        .containsExactly(
            tuple(minute(10), -5 + 10 * 0.1 + 11),
            tuple(minute(50), -12.5),
            tuple(minute(60), -5 + 60 * 0.1 + 11));
  }

  @Test
  void refusesUnknownAndDuplicateInstallationsAndFeatures() {
    assertThatThrownBy(() -> data.record("nope", T0, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> data.addInstallation(CloudFixture.installation(WITH_ROOM, false)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new CloudInstallation(
                    "1", "2", "0", "x", ZoneId.of("UTC"), Set.of("heating.burner.modulation")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(data.installations())
        .extracting(CloudInstallation::installationId)
        .containsExactly(WITH_ROOM, WITHOUT_ROOM);
  }

  @Test
  void holdsThirtyDaysOfTenInstallations() {
    RecordedCloudData big = new RecordedCloudData();
    int minutes = 30 * 24 * 60;
    for (int b = 0; b < 10; b++) {
      big.addInstallation(CloudFixture.installation(String.valueOf(5000 + b), true));
    }
    for (int i = 0; i < minutes; i++) {
      for (int b = 0; b < 10; b++) {
        String id = String.valueOf(5000 + b);
        big.record(id, minute(i), CloudFixture.samples(id, i));
      }
    }
    big.advanceTo(minute(minutes - 1));

    for (int b = 0; b < 10; b++) {
      String id = String.valueOf(5000 + b);
      assertThat(big.history(id, FLOW, Instant.MIN, Instant.MAX)).hasSize(minutes);
    }
    assertThat(big.latest("5009", "heating.power.production.cumulative").orElseThrow().value())
        .isEqualTo(1000 + (minutes - 1) * 0.1);
  }

  private void assertLatest(String feature, double value, String unit) {
    CloudPoint point = data.latest(WITH_ROOM, feature).orElseThrow();
    assertThat(point.value()).as(feature).isEqualTo(value);
    assertThat(point.unit()).as(feature).isEqualTo(unit);
    assertThat(point.timestamp()).isEqualTo(minute(3));
  }
}
