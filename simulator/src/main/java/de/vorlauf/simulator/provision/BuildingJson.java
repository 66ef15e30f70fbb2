package de.vorlauf.simulator.provision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.heating.NightSetback;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A building in the admin API's JSON (the WAR's {@code BuildingInput} and {@code BuildingDto}),
 * both ways. Every setting is sent, so the registry holds exactly the simulated configuration, and
 * read back, so the simulation runs exactly what the registry holds.
 */
final class BuildingJson {

  private BuildingJson() {}

  static ObjectNode body(ObjectMapper json, BuildingDefinition b) {
    BuildingConfig c = b.config();
    ObjectNode body = json.createObjectNode();
    body.put("id", c.buildingId());
    body.put("name", b.name());
    body.put("timeZone", c.timeZone().getId());
    body.put("heatingType", c.heatingType().code());
    if (c.areaM2() != null) {
      body.put("areaM2", c.areaM2());
    }
    if (c.yearBuilt() != null) {
      body.put("yearBuilt", c.yearBuilt());
    }
    body.put("heatingCircuits", c.heatingCircuits());
    body.put("hasDhw", c.hasDhw());
    body.put("comfortTempMin", c.comfortTempMin());
    body.put("comfortTempMax", c.comfortTempMax());
    body.put("nightSetbackEnabled", c.nightSetback().enabled());
    body.put("nightSetbackStart", c.nightSetback().startHour());
    body.put("nightSetbackEnd", c.nightSetback().endHour());
    body.put("nightSetbackReduction", c.nightSetback().roomReductionK());
    body.put("curveBaseTemp", c.curve().baseC());
    body.put("curveSlope", c.curve().slope());
    body.put("flowTempMin", c.curve().minFlowC());
    body.put("flowTempMax", c.curve().maxFlowC());
    return body;
  }

  /**
   * @throws IllegalStateException when the answer is not a complete building of a known heating
   *     type (an older WAR without the curve fields, say)
   */
  static RegisteredBuilding parse(JsonNode dto) {
    try {
      String type = text(dto, "heatingType");
      BuildingConfig config =
          new BuildingConfig(
              text(dto, "id"),
              HeatingType.fromCode(type)
                  .orElseThrow(() -> new IllegalStateException("unknown heating type " + type)),
              ZoneId.of(text(dto, "timeZone")),
              dto.path("areaM2").isNumber() ? dto.path("areaM2").asDouble() : null,
              dto.path("yearBuilt").isNumber() ? dto.path("yearBuilt").asInt() : null,
              number(dto, "heatingCircuits").intValue(),
              bool(dto, "hasDhw"),
              number(dto, "comfortTempMin").doubleValue(),
              number(dto, "comfortTempMax").doubleValue(),
              new NightSetback(
                  bool(dto, "nightSetbackEnabled"),
                  number(dto, "nightSetbackStart").intValue(),
                  number(dto, "nightSetbackEnd").intValue(),
                  number(dto, "nightSetbackReduction").doubleValue()),
              new HeatingCurve(
                  number(dto, "curveBaseTemp").doubleValue(),
                  number(dto, "curveSlope").doubleValue(),
                  number(dto, "flowTempMin").doubleValue(),
                  number(dto, "flowTempMax").doubleValue()));
      Instant updatedAt =
          dto.path("updatedAt").isTextual() ? Instant.parse(dto.path("updatedAt").asText()) : null;
      return new RegisteredBuilding(config, updatedAt);
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new IllegalStateException(
          "the registry's building is not usable: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode dto, String field) {
    JsonNode value = dto.path(field);
    if (!value.isTextual()) {
      throw new IllegalStateException("the registry's building has no " + field + ": " + dto);
    }
    return value.asText();
  }

  private static Number number(JsonNode dto, String field) {
    JsonNode value = dto.path(field);
    if (!value.isNumber()) {
      throw new IllegalStateException("the registry's building has no " + field + ": " + dto);
    }
    return value.numberValue();
  }

  private static boolean bool(JsonNode dto, String field) {
    JsonNode value = dto.path(field);
    if (!value.isBoolean()) {
      throw new IllegalStateException("the registry's building has no " + field + ": " + dto);
    }
    return value.asBoolean();
  }
}
