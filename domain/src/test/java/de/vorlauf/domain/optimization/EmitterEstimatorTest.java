package de.vorlauf.domain.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.vorlauf.domain.heating.HeatingType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EmitterEstimatorTest {

  @Test
  void recoversTheRadiatorLawAndTheCircuitFlowWithARoomSensor() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.GAS);
    EmitterModel model = fit(house);

    assertThat(model.roomMeasured()).isTrue();
    assertThat(model.exponent()).isEqualTo(1.3);
    assertThat(model.kKwPerKn()).isCloseTo(house.kKwPerKn(), within(1e-6));
    assertThat(model.capacityKwPerK()).isCloseTo(house.capacityKwPerK(), within(1e-6));
    assertThat(model.massFlowKgPerS()).isCloseTo(house.capacityKwPerK() / 4.18, within(1e-6));
    assertThat(model.fitQuality()).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void estimatesTheRoomWithoutASensorAsTheInterceptOfTheLaw() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.GAS);
    house.indoorSensor = false;
    house.roomC = 21.2;
    EmitterModel model = fit(house);

    assertThat(model.roomMeasured()).isFalse();
    assertThat(model.kKwPerKn()).isCloseTo(house.kKwPerKn(), within(1e-6));
    HourObservation hour = house.history().get(100);
    assertThat(model.impliedRoomC(hour)).isCloseTo(21.2, within(1e-6));
  }

  @Test
  void withoutASensorTheNightSetbackHoursStayOutOfTheRoomsFit() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.GAS);
    house.indoorSensor = false;
    house.roomC = 21.0;
    house.nightRoomC = 17.5;

    var steady = EmitterEstimator.estimate(house.history(), house.config());
    var blind = EmitterEstimator.estimate(house.history(), house.type);

    assertThat(steady.model().kKwPerKn()).isCloseTo(house.kKwPerKn(), within(1e-6));
    assertThat(steady.model().impliedRoomC(house.history().get(100))).isCloseTo(21.0, within(1e-6));
    double blindError = Math.abs(blind.model().kKwPerKn() / house.kKwPerKn() - 1);
    assertThat(blindError).isGreaterThan(0.01);
  }

  @Test
  void heatPumpBuildingsGetTheFloorHeatingExponent() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.WAERMEPUMPE);
    EmitterModel model = fit(house);

    assertThat(model.exponent()).isEqualTo(1.1);
    assertThat(model.kKwPerKn()).isCloseTo(house.kKwPerKn(), within(1e-6));
  }

  @Test
  void lowestFlowReturnAndHeatAtAFlowAreOneLaw() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.GAS);
    EmitterModel model = fit(house);

    double flow = model.flowFor(4.0, 20.5);
    assertThat(flow).isCloseTo(house.flowC(4.0), within(1e-9));
    assertThat(model.heatAt(flow, 20.5)).isCloseTo(4.0, within(1e-9));
    assertThat(model.returnFor(4.0, 20.5))
        .isCloseTo(flow - 4.0 / house.capacityKwPerK(), within(1e-9));
    assertThat(model.returnAt(flow, 20.5)).isCloseTo(model.returnFor(4.0, 20.5), within(1e-9));
    assertThat(model.heatAt(20.0, 20.5)).isZero();
    // a warmer room needs a higher flow for the same heat
    assertThat(model.flowFor(4.0, 21.5)).isCloseTo(flow + 1.0, within(1e-9));
  }

  @Test
  void refusesWithLessThanADayOfHeatingAndSaysHowMuchItNeeds() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.GAS);
    house.hours = 20;

    var estimate = EmitterEstimator.estimate(house.history(), house.type);

    assertThat(estimate.ok()).isFalse();
    assertThat(estimate.refusal()).contains("20 hours").contains("at least 24");
  }

  @Test
  void refusesAFitThatDescribesNothing() {
    Random random = new Random(7);
    List<HourObservation> noise = new ArrayList<>();
    for (HourObservation h : SyntheticHouse.of(HeatingType.GAS).history()) {
      double flow = 30 + 40 * random.nextDouble();
      double spread = 1 + 15 * random.nextDouble();
      noise.add(
          new HourObservation(
              h.hour(), h.outdoorC(), 20.5, flow, flow - spread, 10 * random.nextDouble(), 1));
    }

    var estimate = EmitterEstimator.estimate(noise, HeatingType.GAS);

    assertThat(estimate.ok()).isFalse();
    assertThat(estimate.refusal()).contains("implausible");
  }

  @Test
  void recoversTheHeatLossCoefficientFromTheDailySignature() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.GAS);
    EmitterModel model = fit(house);

    double ua = HeatLoss.uaKwPerK(house.history(), model, SyntheticHouse.BERLIN);

    assertThat(ua).isCloseTo(house.uaKwPerK, within(1e-6));
  }

  @Test
  void aWeekOfOneOutdoorTemperatureFallsBackToTheRatioOfHeatToTemperatureDifference() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.GAS);
    house.coolingPerDayK = 0;
    house.swingK = 0;
    EmitterModel model = fit(house);

    assertThat(HeatLoss.uaKwPerK(house.history(), model, SyntheticHouse.BERLIN))
        .isCloseTo(house.uaKwPerK, within(1e-9));
  }

  private static EmitterModel fit(SyntheticHouse house) {
    var estimate = EmitterEstimator.estimate(house.history(), house.type);
    assertThat(estimate.refusal()).isNull();
    return estimate.model();
  }
}
