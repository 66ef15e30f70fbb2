package de.vorlauf.webadmin.registry;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.heating.NightSetback;
import de.vorlauf.persistence.registry.BuildingRegistration;
import de.vorlauf.persistence.registry.BuildingSettings;
import de.vorlauf.persistence.registry.DeviceRegistration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RegistryMapperTest {

  private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

  @Test
  void leftOutSettingsTakeTheSourceDocumentsDefaults() {
    BuildingSettings settings = RegistryMapper.settings(BuildingInputValidationTest.minimal());

    assertThat(settings.name()).isEqualTo("Musterstraße 1");
    assertThat(settings.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(settings.heatingType()).isEqualTo(HeatingType.GAS);
    assertThat(settings.areaM2()).isNull();
    assertThat(settings.heatingCircuits()).isEqualTo(1);
    assertThat(settings.hasDhw()).isTrue();
    assertThat(settings.comfortTempMin()).isEqualTo(20.0);
    assertThat(settings.comfortTempMax()).isEqualTo(22.0);
    assertThat(settings.nightSetback()).isEqualTo(new NightSetback(true, 22, 6, 3.0));
    assertThat(settings.curve()).isEqualTo(new HeatingCurve(35.0, 1.5, 25.0, 75.0));
  }

  @Test
  void buildingRoundTripsThroughTheEntity() {
    BuildingInput input =
        new BuildingInput(
            "b-2",
            " Altbau ",
            "Europe/Vienna",
            "waermepumpe",
            812.5,
            1962,
            2,
            false,
            19.5,
            21.0,
            false,
            23,
            5,
            2.5,
            30.0,
            0.8,
            22.0,
            50.0);

    BuildingDto dto =
        RegistryMapper.toDto(new BuildingRegistration("b-2", RegistryMapper.settings(input), NOW));

    assertThat(dto)
        .isEqualTo(
            new BuildingDto(
                "b-2",
                "Altbau",
                "Europe/Vienna",
                "waermepumpe",
                812.5,
                1962,
                2,
                false,
                19.5,
                21.0,
                false,
                23,
                5,
                2.5,
                30.0,
                0.8,
                22.0,
                50.0,
                true,
                NOW,
                NOW));
  }

  @Test
  void deviceDtoNamesItsBuilding() {
    BuildingRegistration building =
        new BuildingRegistration(
            "b-1", RegistryMapper.settings(BuildingInputValidationTest.minimal()), NOW);

    DeviceDto dto =
        RegistryMapper.toDto(new DeviceRegistration("gb-1", building, "boiler room", NOW));

    assertThat(dto)
        .isEqualTo(new DeviceDto("gb-1", "b-1", null, "boiler room", true, NOW, NOW, null));
  }
}
