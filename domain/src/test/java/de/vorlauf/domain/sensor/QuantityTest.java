package de.vorlauf.domain.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityTest {

  @ParameterizedTest(name = "{1} {2} = {3} {0}")
  @CsvSource({
    "TEMPERATURE, 52.3, degC, 52.3",
    "TEMPERATURE, 52.3, °C, 52.3",
    "TEMPERATURE, 325.45, K, 52.3",
    "TEMPERATURE, 212, degF, 100",
    "TEMPERATURE, 32, °F, 0",
    "VOLUME_FLOW, 12, L/min, 12",
    "VOLUME_FLOW, 720, L/h, 12",
    "VOLUME_FLOW, 0.72, m3/h, 12",
    "VOLUME_FLOW, 0.72, m³/h, 12",
    "POWER, 12500, W, 12.5",
    "POWER, 12.5, kW, 12.5",
    "POWER, 12.5, kw, 12.5",
    "ENERGY, 1500, Wh, 1.5",
    "ENERGY, 2, MWh, 2000",
  })
  void convertsEverySpellingToTheCanonicalUnit(
      Quantity quantity, double value, String unit, double canonical) {
    assertThat(quantity.conversionFrom(unit))
        .hasValueSatisfying(c -> assertThat(c.apply(value)).isCloseTo(canonical, within(1e-9)));
  }

  @ParameterizedTest
  @CsvSource({"TEMPERATURE, C", "TEMPERATURE, kW", "POWER, kWh", "VOLUME_FLOW, m3", "ENERGY, ''"})
  void refusesSpellingsItDoesNotKnow(Quantity quantity, String unit) {
    assertThat(quantity.conversionFrom(unit)).isEmpty();
  }
}
