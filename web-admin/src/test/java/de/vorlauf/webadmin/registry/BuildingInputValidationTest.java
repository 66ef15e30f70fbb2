package de.vorlauf.webadmin.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.webadmin.common.InputValidation;
import de.vorlauf.webadmin.common.InvalidInputException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BuildingInputValidationTest {

  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void validator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  static BuildingInput minimal() {
    return new BuildingInput(
        "b-1",
        "Musterstraße 1",
        "Europe/Berlin",
        "gas",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void minimalBuildingIsValid() {
    assertThat(validator.validate(minimal())).isEmpty();
  }

  @Test
  void everyBrokenRuleHasAHumanMessage() {
    BuildingInput input =
        new BuildingInput(
            "-bad id",
            "",
            "Mars/Olympus",
            "coal",
            0.0,
            900,
            0,
            true,
            25.0,
            21.0,
            true,
            24,
            -1,
            20.0,
            null,
            null,
            null,
            null);

    assertThatThrownBy(() -> InputValidation.valid(validator, input))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).messages())
                    .containsExactlyInAnyOrder(
                        "id must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
                        "name is required",
                        "timeZone must be an IANA time zone id such as Europe/Berlin",
                        "heatingType must be one of gas, fernwaerme, waermepumpe, hybrid",
                        "areaM2 must be at least 1 m²",
                        "yearBuilt must be 1000 or later",
                        "heatingCircuits must be between 1 and 64",
                        "comfortTempMin must not be above comfortTempMax",
                        "nightSetbackStart must be an hour from 0 to 23",
                        "nightSetbackEnd must be an hour from 0 to 23",
                        "nightSetbackReduction must be between 0 and 15 K"));
  }

  @Test
  void offsetsAreNotTimeZones() {
    BuildingInput offset =
        new BuildingInput(
            "b-1", "x", "+02:00", "gas", null, null, null, null, null, null, null, null, null, null,
            null, null, null, null);

    assertThat(validator.validate(offset))
        .extracting(v -> v.getMessage())
        .containsExactly("timeZone must be an IANA time zone id such as Europe/Berlin");
  }

  @Test
  void missingRequiredFieldsAreNamed() {
    BuildingInput empty =
        new BuildingInput(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null);

    assertThat(validator.validate(empty))
        .extracting(v -> v.getMessage())
        .containsExactlyInAnyOrder(
            "id is required",
            "name is required",
            "timeZone is required, an IANA id such as Europe/Berlin",
            "heatingType is required: one of gas, fernwaerme, waermepumpe, hybrid");
  }

  @Test
  void theCurveMustFitTheHeatingTypesLimits() {
    BuildingInput heatPump =
        new BuildingInput(
            "b-1",
            "x",
            "Europe/Berlin",
            "waermepumpe",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            35.0,
            1.5,
            25.0,
            75.0);

    assertThat(validator.validate(heatPump))
        .extracting(v -> v.getMessage())
        .containsExactly(
            "the maximum flow temperature (75 °C) is above the highest a heat pump delivers (55 °C)");
    // left out, the heat pump's curve is the default within its limits: valid
    BuildingInput defaulted =
        new BuildingInput(
            "b-1",
            "x",
            "Europe/Berlin",
            "waermepumpe",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(validator.validate(defaulted)).isEmpty();
  }

  @Test
  void curveValuesOutsideTheRegistrysRangesAreNamed() {
    BuildingInput gas =
        new BuildingInput(
            "b-1",
            "x",
            "Europe/Berlin",
            "gas",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            120.0,
            -1.0,
            60.0,
            50.0);

    assertThat(validator.validate(gas))
        .extracting(v -> v.getMessage())
        .containsExactlyInAnyOrder(
            "the curve's base temperature must be between 10 and 90 °C (got 120)",
            "the curve's slope must be between 0 and 5 (got -1)",
            "the minimum flow temperature (60 °C) must be below the maximum (50 °C)");
  }

  @Test
  void deviceInputRules() {
    assertThat(validator.validate(new DeviceInput("gb-1", "b-1", null, null))).isEmpty();
    assertThat(validator.validate(new DeviceInput("gb-1", "b-1", null, "gw-1"))).isEmpty();
    assertThat(validator.validate(new DeviceInput("gb 1", " ", "x".repeat(501), "gw/1")))
        .extracting(v -> v.getMessage())
        .containsExactlyInAnyOrder(
            "id must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
            "buildingId is required: the building the device is installed in",
            "description must be at most 500 characters",
            "gatewayId must be the id of a gateway: 1 to 64 letters, digits, '.', '_' or '-'");
  }
}
