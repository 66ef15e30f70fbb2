package de.vorlauf.simulator.cloud;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authenticated read API under {@code /iot/v1}: equipment navigation (installations → gateways
 * → devices) and features (latest values, history). Everything is read from {@link
 * RecordedCloudData}, so nothing after the cloud's now can leak out.
 */
final class InstallationApi {

  static final int MAX_LIMIT = 1_000;

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final RecordedCloudData data;

  InstallationApi(RecordedCloudData data) {
    this.data = data;
  }

  static String format(Instant t) {
    return TIMESTAMP.format(t);
  }

  /**
   * @param path the decoded segments after {@code /iot/v1}
   */
  CloudResponse handle(List<String> path, Map<String, String> query) {
    int n = path.size();
    if (n == 2 && path.get(0).equals("equipment") && path.get(1).equals("installations")) {
      return installations();
    }
    if (n < 4 || !path.get(1).equals("installations")) {
      return notFound(path);
    }
    Optional<CloudInstallation> found = data.installation(path.get(2));
    if (found.isEmpty()) {
      return CloudResponse.notFound("installation " + path.get(2) + " does not exist");
    }
    CloudInstallation installation = found.get();
    if (path.get(0).equals("equipment")) {
      return equipment(installation, path);
    }
    if (!path.get(0).equals("features")
        || n < 8
        || !path.get(3).equals("gateways")
        || !path.get(5).equals("devices")
        || !path.get(7).equals("features")) {
      return notFound(path);
    }
    CloudResponse missing = checkDevice(installation, path.get(4), path.get(6));
    if (missing != null) {
      return missing;
    }
    if (n == 8) {
      return features(installation);
    }
    String feature = path.get(8);
    if (!installation.features().contains(feature)) {
      return CloudResponse.notFound(
          "installation " + installation.installationId() + " has no feature " + feature);
    }
    if (n == 9) {
      return feature(installation, feature);
    }
    if (n == 10 && path.get(9).equals("history")) {
      return history(installation, feature, query);
    }
    return notFound(path);
  }

  private CloudResponse installations() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (CloudInstallation i : data.installations()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", i.installationId());
      json.put("description", i.description());
      json.put("timezone", i.zone().getId());
      list.add(json);
    }
    return CloudResponse.json(200, Map.of("data", list));
  }

  private CloudResponse equipment(CloudInstallation installation, List<String> path) {
    if (path.size() == 4 && path.get(3).equals("gateways")) {
      return CloudResponse.json(
          200,
          Map.of(
              "data",
              List.of(
                  Map.of(
                      "serial",
                      installation.gatewaySerial(),
                      "installationId",
                      installation.installationId()))));
    }
    if (path.size() == 6 && path.get(3).equals("gateways") && path.get(5).equals("devices")) {
      CloudResponse missing = checkDevice(installation, path.get(4), installation.deviceId());
      return missing != null
          ? missing
          : CloudResponse.json(
              200,
              Map.of(
                  "data",
                  List.of(
                      Map.of(
                          "id",
                          installation.deviceId(),
                          "modelId",
                          "E3_Vorlauf_Simulated",
                          "deviceType",
                          "heating"))));
    }
    return notFound(path);
  }

  private CloudResponse features(CloudInstallation installation) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (CloudFeature feature : CloudFeature.values()) {
      if (installation.features().contains(feature.featureName())) {
        data.latest(installation.installationId(), feature.featureName())
            .ifPresent(point -> list.add(featureJson(feature.featureName(), point)));
      }
    }
    return CloudResponse.json(200, Map.of("data", list));
  }

  private CloudResponse feature(CloudInstallation installation, String feature) {
    return data.latest(installation.installationId(), feature)
        .map(point -> CloudResponse.json(200, Map.of("data", featureJson(feature, point))))
        .orElseGet(() -> CloudResponse.notFound("feature " + feature + " has no value yet"));
  }

  private CloudResponse history(
      CloudInstallation installation, String feature, Map<String, String> query) {
    Instant from;
    Instant to;
    int limit;
    try {
      from = instant(query, "from");
      to = instant(query, "to");
      limit = limit(query.get("limit"));
    } catch (IllegalArgumentException e) {
      return CloudResponse.badRequest(e.getMessage());
    }
    if (from.isAfter(to)) {
      return CloudResponse.badRequest("from " + format(from) + " is after to " + format(to));
    }
    CloudPage page = data.page(installation.installationId(), feature, from, to, limit);
    List<Map<String, Object>> points = new ArrayList<>(page.points().size());
    for (CloudPoint point : page.points()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("timestamp", format(point.timestamp()));
      json.put("value", point.value());
      json.put("unit", point.unit());
      points.add(json);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("feature", feature);
    body.put("data", points);
    body.put("truncated", page.truncated());
    return CloudResponse.json(200, body);
  }

  private static Map<String, Object> featureJson(String feature, CloudPoint point) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("type", "number");
    value.put("value", point.value());
    value.put("unit", point.unit());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("feature", feature);
    json.put("isEnabled", true);
    json.put("isReady", true);
    json.put("timestamp", format(point.timestamp()));
    json.put("properties", Map.of("value", value));
    return json;
  }

  private static CloudResponse checkDevice(
      CloudInstallation installation, String serial, String deviceId) {
    if (!installation.gatewaySerial().equals(serial)) {
      return CloudResponse.notFound(
          "installation " + installation.installationId() + " has no gateway " + serial);
    }
    if (!installation.deviceId().equals(deviceId)) {
      return CloudResponse.notFound("gateway " + serial + " has no device " + deviceId);
    }
    return null;
  }

  private static Instant instant(Map<String, String> query, String name) {
    String text = query.get(name);
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "query parameter '" + name + "' is required, e.g. 2026-11-26T09:00:00.000Z");
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "query parameter '"
              + name
              + "' is not an ISO-8601 timestamp with offset (e.g. 2026-11-26T09:00:00.000Z): "
              + text);
    }
  }

  private static int limit(String text) {
    if (text == null) {
      return MAX_LIMIT;
    }
    int limit;
    try {
      limit = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("limit must be a whole number, was " + text);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return Math.min(limit, MAX_LIMIT);
  }

  private static CloudResponse notFound(List<String> path) {
    return CloudResponse.notFound("no resource at /iot/v1/" + String.join("/", path));
  }
}
