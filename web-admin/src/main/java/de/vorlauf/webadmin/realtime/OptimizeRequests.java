package de.vorlauf.webadmin.realtime;

import de.vorlauf.domain.optimization.CurrentState;
import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.common.InvalidInputException.FieldError;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and checks a {@code POST /api/v1/optimize} body: {@code {"building_id", "current_state":
 * {"timestamp", "outdoor_temp", "flow_temp", "return_temp", "indoor_temp"?}}}. Every broken rule is
 * reported at its field (problem+json's {@code errors}), all of them at once.
 */
public final class OptimizeRequests {

  /** Building ids are registry ids: at most this long. */
  static final int MAX_ID = 64;

  /** A checked request. */
  public record Request(String buildingId, CurrentState state) {}

  private OptimizeRequests() {}

  /**
   * @param now the platform's clock, for the timestamp's bounds ({@link CurrentState#MAX_SKEW},
   *     {@link CurrentState#MAX_AGE})
   * @throws InvalidInputException naming every field that breaks a rule
   */
  public static Request parse(JsonObject body, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    if (body == null) {
      throw new InvalidInputException(
          "the body must be a JSON object with building_id and" + " current_state");
    }
    String buildingId = text(body, "building_id", "building_id", errors);
    if (buildingId != null && (buildingId.isBlank() || buildingId.length() > MAX_ID)) {
      errors.add(
          new FieldError("building_id", "building_id must be 1 to " + MAX_ID + " characters"));
    }
    JsonValue stateValue = body.get("current_state");
    if (stateValue == null || stateValue.getValueType() != JsonValue.ValueType.OBJECT) {
      errors.add(new FieldError("current_state", "current_state must be an object"));
      throw InvalidInputException.ofFields(errors);
    }
    JsonObject state = stateValue.asJsonObject();
    Instant timestamp = timestamp(state, errors);
    double outdoor = number(state, "outdoor_temp", true, errors);
    double flow = number(state, "flow_temp", true, errors);
    double ret = number(state, "return_temp", true, errors);
    double indoor = number(state, "indoor_temp", false, errors);
    if (!errors.isEmpty()) {
      throw InvalidInputException.ofFields(errors);
    }
    CurrentState current = new CurrentState(timestamp, outdoor, flow, ret, indoor);
    for (CurrentState.Problem p : current.problems(now)) {
      errors.add(new FieldError("current_state." + p.field(), p.message()));
    }
    if (!errors.isEmpty()) {
      throw InvalidInputException.ofFields(errors);
    }
    return new Request(buildingId.strip(), current);
  }

  private static String text(JsonObject o, String name, String field, List<FieldError> errors) {
    JsonValue v = o.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      errors.add(new FieldError(field, field + " is required"));
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.STRING) {
      errors.add(new FieldError(field, field + " must be a string"));
      return null;
    }
    return o.getString(name);
  }

  private static Instant timestamp(JsonObject state, List<FieldError> errors) {
    String field = "current_state.timestamp";
    String text = text(state, "timestamp", field, errors);
    if (text == null) {
      return null;
    }
    try {
      // to the microsecond: what the database keeps, so the answer equals the stored row
      return OffsetDateTime.parse(text.strip()).toInstant().truncatedTo(ChronoUnit.MICROS);
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(
              field,
              field
                  + " '"
                  + text
                  + "' is not ISO-8601 with a zone offset, e.g. 2026-12-04T10:15:00Z"));
      return null;
    }
  }

  /** The number, NaN when absent and optional (or broken: then an error is added). */
  private static double number(
      JsonObject state, String name, boolean required, List<FieldError> errors) {
    String field = "current_state." + name;
    JsonValue v = state.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        errors.add(new FieldError(field, field + " is required (°C)"));
      }
      return Double.NaN;
    }
    if (v.getValueType() != JsonValue.ValueType.NUMBER) {
      errors.add(new FieldError(field, field + " must be a number (°C)"));
      return Double.NaN;
    }
    return ((JsonNumber) v).doubleValue();
  }
}
