package de.vorlauf.webadmin.readings;

import de.vorlauf.persistence.readings.Aggregate;
import de.vorlauf.persistence.readings.ReadingsQuery;
import de.vorlauf.persistence.readings.Resolution;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The query parameters of {@code GET /buildings/{id}/readings}, checked against the limits: every
 * broken rule is a {@link ReadingsRequestException} saying what to change.
 */
public final class ReadingsRequest {

  /** A checked {@code from..to}. */
  public record Range(Instant from, Instant to) {}

  private ReadingsRequest() {}

  /**
   * @param sensorParams each {@code sensors} parameter, comma-separated ids
   * @param now the raw horizon is {@code now - rawRetention}
   */
  static ReadingsQuery parse(
      String buildingId,
      List<String> sensorParams,
      String from,
      String to,
      String resolution,
      String agg,
      ReadingsLimits limits,
      Instant now) {
    List<String> sensors = sensors(sensorParams, limits.maxSensors());
    Range range = range(from, to, limits);
    Instant start = range.from();
    Instant end = range.to();
    Resolution res =
        Resolution.fromWireName(resolution == null || resolution.isBlank() ? "raw" : resolution)
            .orElseThrow(
                () ->
                    ReadingsRequestException.badRequest(
                        "Unknown resolution",
                        "resolution '" + resolution + "' is not one of raw, 15m, 1h"));
    if (res == Resolution.RAW && agg != null && !agg.isBlank()) {
      throw ReadingsRequestException.badRequest(
          "Aggregate without buckets",
          "agg applies to resolution 15m and 1h; raw readings are not aggregated");
    }
    Aggregate aggregate =
        Aggregate.fromWireName(agg == null || agg.isBlank() ? "avg" : agg)
            .orElseThrow(
                () ->
                    ReadingsRequestException.badRequest(
                        "Unknown aggregate", "agg '" + agg + "' is not one of avg, min, max"));
    return new ReadingsQuery(
        buildingId, sensors, start, end, res, aggregate, now.minus(limits.rawRetention()));
  }

  /**
   * {@code from} and {@code to} as instants, {@code from} before {@code to}, no longer than the
   * limit: the readings and the features API refuse alike.
   */
  public static Range range(String from, String to, ReadingsLimits limits) {
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    if (!start.isBefore(end)) {
      throw ReadingsRequestException.badRequest(
          "Reversed range", "from (" + from + ") must be before to (" + to + ")");
    }
    if (Duration.between(start, end).compareTo(limits.maxRange()) > 0) {
      throw ReadingsRequestException.badRequest(
          "Range too long",
          "from..to spans "
              + Duration.between(start, end)
              + ", more than the "
              + limits.maxRange()
              + " one request may ask for (VORLAUF_READINGS_MAX_RANGE): split the range");
    }
    return new Range(start, end);
  }

  private static List<String> sensors(List<String> params, int max) {
    Set<String> sensors = new LinkedHashSet<>();
    for (String param : params == null ? List.<String>of() : params) {
      for (String part : param.split(",")) {
        if (!part.isBlank()) {
          sensors.add(part.trim());
        }
      }
    }
    if (sensors.isEmpty()) {
      throw ReadingsRequestException.badRequest(
          "No sensors", "name the sensors to read: sensors=vorlauf_temp_hk1,outdoor_temp");
    }
    if (sensors.size() > max) {
      throw ReadingsRequestException.badRequest(
          "Too many sensors",
          sensors.size()
              + " sensors named, at most "
              + max
              + " per request (VORLAUF_READINGS_MAX_SENSORS)");
    }
    return new ArrayList<>(sensors);
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      throw ReadingsRequestException.badRequest(
          "Missing " + name,
          name + " is required, an ISO-8601 instant such as 2025-01-15T00:00:00Z");
    }
    try {
      return java.time.OffsetDateTime.parse(value.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw ReadingsRequestException.badRequest(
          "Invalid " + name,
          name + " '" + value + "' is not ISO-8601 with a zone offset, e.g. 2025-01-15T00:00:00Z");
    }
  }
}
