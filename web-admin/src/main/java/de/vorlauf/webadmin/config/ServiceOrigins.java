package de.vorlauf.webadmin.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Labels the launcher writes into VORLAUF_SERVICE_ORIGINS, e.g. {@code database=embedded PostgreSQL
 * (zonky);mqtt=Mosquitto 2.0 (started by Vorlauf)}. They only name where a service came from;
 * whether it is up is always decided by a live probe.
 */
public record ServiceOrigins(Map<String, String> labels) {

  public ServiceOrigins {
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  public static ServiceOrigins none() {
    return new ServiceOrigins(Map.of());
  }

  /** Lenient: entries without '=' or with an empty name or label are ignored. */
  public static ServiceOrigins parse(String value) {
    if (value == null || value.isBlank()) {
      return none();
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (String entry : value.split(";")) {
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        continue;
      }
      String service = entry.substring(0, equals).strip().toLowerCase(Locale.ROOT);
      String label = entry.substring(equals + 1).strip();
      if (!service.isEmpty() && !label.isEmpty()) {
        labels.put(service, label);
      }
    }
    return new ServiceOrigins(labels);
  }

  public Optional<String> labelOf(String service) {
    return Optional.ofNullable(labels.get(service.toLowerCase(Locale.ROOT)));
  }
}
