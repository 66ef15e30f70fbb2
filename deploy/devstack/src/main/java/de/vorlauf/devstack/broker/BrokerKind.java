package de.vorlauf.devstack.broker;

import java.util.Locale;

/** Which MQTT broker to run. EXTERNAL is only ever a result: a configured URL decides it. */
public enum BrokerKind {
  AUTO,
  EXTERNAL,
  MOSQUITTO,
  HIVEMQ;

  /** Parses "auto", "mosquitto" or "hivemq" (any case); blank or null means AUTO. */
  public static BrokerKind parse(String value) {
    if (value == null || value.isBlank()) {
      return AUTO;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "auto" -> AUTO;
      case "mosquitto" -> MOSQUITTO;
      case "hivemq" -> HIVEMQ;
      default ->
          throw new IllegalArgumentException(
              "unknown MQTT broker '" + value + "': use auto, mosquitto or hivemq");
    };
  }
}
