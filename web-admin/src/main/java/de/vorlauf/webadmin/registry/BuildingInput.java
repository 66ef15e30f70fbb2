package de.vorlauf.webadmin.registry;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * A building as ops create or replace it. Only id, name, time zone and heating type are required;
 * the optimisation parameters default to the source document's values when left out, the heating
 * curve to its default within the heating type's limits. The rules that depend on the heating
 * type's list and limits come from the domain ({@link BuildingRules}).
 *
 * @param nightSetbackReduction room-temperature reduction in K during the setback; the flow falls
 *     by {@code (1 + curveSlope)} times it
 * @param curveBaseTemp flow temperature at 20 °C outdoor
 * @param curveSlope kelvin of flow per kelvin of outdoor temperature below 20 °C
 * @param flowTempMin lowest flow temperature the curve asks for
 * @param flowTempMax highest flow temperature the curve asks for
 */
@BuildingRules
public record BuildingInput(
    @NotBlank(message = "id is required")
        @Pattern(
            regexp = Ids.PATTERN,
            message =
                "id must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
        String id,
    @NotBlank(message = "name is required")
        @Size(max = 200, message = "name must be at most 200 characters")
        String name,
    @NotBlank(message = "timeZone is required, an IANA id such as Europe/Berlin") String timeZone,
    String heatingType,
    @DecimalMin(value = "1", message = "areaM2 must be at least 1 m²")
        @DecimalMax(value = "1000000", message = "areaM2 must be at most 1,000,000 m²")
        Double areaM2,
    @Min(value = 1000, message = "yearBuilt must be 1000 or later")
        @Max(value = 2200, message = "yearBuilt must be 2200 or earlier")
        Integer yearBuilt,
    @Min(value = 1, message = "heatingCircuits must be between 1 and 64")
        @Max(value = 64, message = "heatingCircuits must be between 1 and 64")
        Integer heatingCircuits,
    Boolean hasDhw,
    @DecimalMin(value = "10", message = "comfortTempMin must be between 10 and 30 °C")
        @DecimalMax(value = "30", message = "comfortTempMin must be between 10 and 30 °C")
        Double comfortTempMin,
    @DecimalMin(value = "10", message = "comfortTempMax must be between 10 and 30 °C")
        @DecimalMax(value = "30", message = "comfortTempMax must be between 10 and 30 °C")
        Double comfortTempMax,
    Boolean nightSetbackEnabled,
    @Min(value = 0, message = "nightSetbackStart must be an hour from 0 to 23")
        @Max(value = 23, message = "nightSetbackStart must be an hour from 0 to 23")
        Integer nightSetbackStart,
    @Min(value = 0, message = "nightSetbackEnd must be an hour from 0 to 23")
        @Max(value = 23, message = "nightSetbackEnd must be an hour from 0 to 23")
        Integer nightSetbackEnd,
    @DecimalMin(value = "0", message = "nightSetbackReduction must be between 0 and 15 K")
        @DecimalMax(value = "15", message = "nightSetbackReduction must be between 0 and 15 K")
        Double nightSetbackReduction,
    Double curveBaseTemp,
    Double curveSlope,
    Double flowTempMin,
    Double flowTempMax) {

  /** The same input with the id of the URL (an update names its building in the path). */
  public BuildingInput withId(String value) {
    return new BuildingInput(
        value,
        name,
        timeZone,
        heatingType,
        areaM2,
        yearBuilt,
        heatingCircuits,
        hasDhw,
        comfortTempMin,
        comfortTempMax,
        nightSetbackEnabled,
        nightSetbackStart,
        nightSetbackEnd,
        nightSetbackReduction,
        curveBaseTemp,
        curveSlope,
        flowTempMin,
        flowTempMax);
  }

  @AssertTrue(message = "timeZone must be an IANA time zone id such as Europe/Berlin")
  public boolean isTimeZoneKnown() {
    if (timeZone == null || timeZone.isBlank()) {
      return true; // reported by @NotBlank
    }
    try {
      // region ids only: "+02:00" or "UTC+2" would ignore daylight saving time
      return ZoneId.of(timeZone.strip()).getId().contains("/") || timeZone.strip().equals("UTC");
    } catch (DateTimeException e) {
      return false;
    }
  }

  @AssertTrue(message = "comfortTempMin must not be above comfortTempMax")
  public boolean isComfortRangeOrdered() {
    return comfortTempMin == null || comfortTempMax == null || comfortTempMin <= comfortTempMax;
  }
}
