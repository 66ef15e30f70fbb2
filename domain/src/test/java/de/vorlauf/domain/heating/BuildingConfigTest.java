package de.vorlauf.domain.heating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BuildingConfigTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void defaultsAreTheSourceDocumentsBuildingConfig() {
    BuildingConfig config = BuildingConfig.defaults("b-1", HeatingType.GAS, BERLIN);

    assertThat(config.heatingCircuits()).isEqualTo(1);
    assertThat(config.hasDhw()).isTrue();
    assertThat(config.comfortTempMin()).isEqualTo(20.0);
    assertThat(config.comfortTempMax()).isEqualTo(22.0);
    assertThat(config.nightSetback()).isEqualTo(new NightSetback(true, 22, 6, 3.0));
    assertThat(config.curve()).isEqualTo(new HeatingCurve(35.0, 1.5, 25.0, 75.0));
    assertThat(config.areaM2()).isNull();
    assertThat(config.yearBuilt()).isNull();
  }

  @Test
  void aHeatPumpsDefaultCurveStopsAtItsEquipmentLimit() {
    assertThat(BuildingConfig.defaults("b-1", HeatingType.WAERMEPUMPE, BERLIN).curve())
        .isEqualTo(new HeatingCurve(35.0, 1.5, 25.0, 55.0));
  }

  @Test
  void theNightLowersTheFlowByOnePlusSlopeTimesTheRoomReduction() {
    BuildingConfig config = BuildingConfig.defaults("b-1", HeatingType.GAS, BERLIN);
    Instant noon = Instant.parse("2026-01-12T11:00:00Z");
    Instant night = Instant.parse("2026-01-12T23:30:00Z"); // 00:30 in Berlin

    assertThat(config.flowTemperatureC(noon, 0.0)).isCloseTo(65.0, within(1e-9));
    assertThat(config.flowTemperatureC(night, 0.0)).isCloseTo(65.0 - 2.5 * 3.0, within(1e-9));
    assertThat(config.withTimeZone(ZoneId.of("Asia/Tokyo")).flowTemperatureC(night, 0.0))
        .isCloseTo(65.0, within(1e-9)); // 08:30 in Tokyo
    assertThat(config.withNightSetback(NightSetback.disabled()).flowTemperatureC(night, 0.0))
        .isCloseTo(65.0, within(1e-9));
  }

  @Test
  void theEquipmentLimitsHoldEvenForACurveBeyondThem() {
    BuildingConfig heatPump =
        BuildingConfig.defaults("b-1", HeatingType.WAERMEPUMPE, BERLIN)
            .withCurve(HeatingCurve.DEFAULT);
    assertThat(heatPump.flowTemperatureC(-15.0, false)).isEqualTo(55.0);
  }
}
