package de.vorlauf.domain.vendor;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The configured vendor integrations, parsed from Java properties:
 *
 * <pre>
 * integrations=sim-cloud
 * sim-cloud.base-url=http://127.0.0.1:18090
 * sim-cloud.client-id=vorlauf
 * sim-cloud.client-secret-file=/abs/path/secret
 * sim-cloud.device-id-template=vc-{installationId}
 * sim-cloud.poll-interval=PT1M
 * sim-cloud.initial-lookback=P30D
 * sim-cloud.request-timeout=PT20S      (optional)
 * sim-cloud.autostart=true             (optional, default false)
 * </pre>
 *
 * Reading the file is the caller's business (the worker and the WAR do it at their edges); this
 * class only checks and converts, and names the offending key in every error.
 */
public final class VendorIntegrations {

  public static final String LIST_KEY = "integrations";
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(20);
  public static final String DEFAULT_DEVICE_ID_TEMPLATE = "vc-{installationId}";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");
  private static final Set<String> KEYS =
      Set.of(
          "base-url",
          "client-id",
          "client-secret-file",
          "device-id-template",
          "poll-interval",
          "initial-lookback",
          "request-timeout",
          "autostart");

  private final Map<String, VendorIntegration> byId;

  private VendorIntegrations(Map<String, VendorIntegration> byId) {
    this.byId = byId;
  }

  public static VendorIntegrations none() {
    return new VendorIntegrations(Map.of());
  }

  /**
   * @throws IntegrationConfigException naming every bad or missing key
   */
  public static VendorIntegrations parse(Properties properties) {
    List<String> problems = new ArrayList<>();
    Map<String, VendorIntegration> byId = new LinkedHashMap<>();
    List<String> ids = ids(properties, problems);
    for (String id : ids) {
      VendorIntegration integration = integration(properties, id, problems);
      if (integration != null) {
        byId.put(id, integration);
      }
    }
    unknownKeys(properties, Set.copyOf(ids), problems);
    if (!problems.isEmpty()) {
      throw new IntegrationConfigException(
          "vendor integrations configuration: " + String.join("; ", problems));
    }
    return new VendorIntegrations(Map.copyOf(byId));
  }

  public Collection<VendorIntegration> all() {
    return byId.values().stream()
        .sorted(java.util.Comparator.comparing(VendorIntegration::id))
        .toList();
  }

  public Optional<VendorIntegration> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public boolean isEmpty() {
    return byId.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VendorIntegrations o && byId.equals(o.byId);
  }

  @Override
  public int hashCode() {
    return byId.hashCode();
  }

  private static List<String> ids(Properties properties, List<String> problems) {
    String list = properties.getProperty(LIST_KEY);
    if (list == null || list.isBlank()) {
      if (!properties.isEmpty()) {
        problems.add(LIST_KEY + " is missing: name the integrations, comma-separated");
      }
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (String raw : list.split(",")) {
      String id = raw.strip();
      if (id.isEmpty()) {
        continue;
      }
      if (!ID.matcher(id).matches()) {
        problems.add(
            "%s: '%s' is not a valid integration id (letters, digits, '-' and '_', at most 63)"
                .formatted(LIST_KEY, id));
      } else if (ids.contains(id)) {
        problems.add("%s: '%s' is listed twice".formatted(LIST_KEY, id));
      } else {
        ids.add(id);
      }
    }
    return ids;
  }

  private static VendorIntegration integration(
      Properties properties, String id, List<String> problems) {
    int before = problems.size();
    String baseUrl = baseUrl(properties, id, problems);
    String clientId = required(properties, id, "client-id", problems);
    String secretFile = required(properties, id, "client-secret-file", problems);
    if (secretFile != null && !secretFile.startsWith("/")) {
      problems.add("%s.client-secret-file=%s: must be an absolute path".formatted(id, secretFile));
    }
    String template =
        optional(properties, id, "device-id-template").orElse(DEFAULT_DEVICE_ID_TEMPLATE);
    if (!template.contains("{installationId}")) {
      problems.add(
          ("%s.device-id-template=%s: must contain {installationId}, or all installations would"
                  + " write to one device")
              .formatted(id, template));
    }
    Duration interval = duration(properties, id, "poll-interval", null, problems);
    Duration lookback = duration(properties, id, "initial-lookback", null, problems);
    Duration timeout =
        duration(properties, id, "request-timeout", DEFAULT_REQUEST_TIMEOUT, problems);
    boolean autostart = bool(properties, id, "autostart", problems);
    if (problems.size() > before) {
      return null;
    }
    return new VendorIntegration(
        id, baseUrl, clientId, secretFile, template, interval, lookback, timeout, autostart);
  }

  private static String baseUrl(Properties properties, String id, List<String> problems) {
    String value = required(properties, id, "base-url", problems);
    if (value == null) {
      return null;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("http://") || lower.startsWith("https://"))
        || value.length() <= lower.indexOf("//") + 2
        || value.contains(" ")) {
      problems.add(
          "%s.base-url=%s: expected an http(s) URL such as http://127.0.0.1:18090"
              .formatted(id, value));
      return null;
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  private static String required(
      Properties properties, String id, String key, List<String> problems) {
    Optional<String> value = optional(properties, id, key);
    if (value.isEmpty()) {
      problems.add("%s.%s is missing".formatted(id, key));
    }
    return value.orElse(null);
  }

  private static Optional<String> optional(Properties properties, String id, String key) {
    String value = properties.getProperty(id + "." + key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static Duration duration(
      Properties properties, String id, String key, Duration fallback, List<String> problems) {
    Optional<String> value = optional(properties, id, key);
    if (value.isEmpty()) {
      if (fallback == null) {
        problems.add("%s.%s is missing (ISO-8601 duration, e.g. PT1M)".formatted(id, key));
      }
      return fallback;
    }
    try {
      Duration duration = Duration.parse(value.get());
      if (duration.isNegative() || duration.isZero()) {
        problems.add("%s.%s=%s: must be positive".formatted(id, key, value.get()));
        return null;
      }
      return duration;
    } catch (DateTimeParseException e) {
      problems.add(
          "%s.%s=%s: expected an ISO-8601 duration such as PT30S, PT1M or P30D"
              .formatted(id, key, value.get()));
      return null;
    }
  }

  private static boolean bool(Properties properties, String id, String key, List<String> problems) {
    Optional<String> value = optional(properties, id, key);
    if (value.isEmpty()) {
      return false;
    }
    return switch (value.get().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        problems.add("%s.%s=%s: expected true or false".formatted(id, key, value.get()));
        yield false;
      }
    };
  }

  /** A misspelt key would otherwise be ignored silently and its default used. */
  private static void unknownKeys(Properties properties, Set<String> ids, List<String> problems) {
    for (String key : properties.stringPropertyNames().stream().sorted().toList()) {
      if (key.equals(LIST_KEY)) {
        continue;
      }
      int dot = key.indexOf('.');
      String owner = dot < 0 ? key : key.substring(0, dot);
      String rest = dot < 0 ? "" : key.substring(dot + 1);
      if (!ids.contains(owner) && !KEYS.contains(rest)) {
        problems.add("%s: unknown key".formatted(key));
      } else if (!ids.contains(owner)) {
        problems.add("%s: integration '%s' is not listed in %s".formatted(key, owner, LIST_KEY));
      } else if (!KEYS.contains(rest)) {
        problems.add("%s: unknown key (known: %s)".formatted(key, String.join(", ", sortedKeys())));
      }
    }
  }

  private static List<String> sortedKeys() {
    return KEYS.stream().sorted().toList();
  }
}
