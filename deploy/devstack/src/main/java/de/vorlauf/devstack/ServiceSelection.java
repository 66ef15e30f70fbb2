package de.vorlauf.devstack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The decisions which service to use, as pure functions of what is configured and installed, so
 * that they can be tested without starting anything.
 */
public final class ServiceSelection {

  /** How the Temporal server will be provided. */
  public enum TemporalPlan {
    EXTERNAL,
    CLI_DEV_SERVER,
    /** Build the CLI with Go once (cached), then run its dev server. */
    BUILD_CLI_THEN_DEV_SERVER,
    IN_JVM
  }

  private ServiceSelection() {}

  public static Origin postgres(String externalUrl) {
    return isSet(externalUrl) ? Origin.EXTERNAL : Origin.EMBEDDED;
  }

  /** External URL → Mosquitto (if installed) → embedded HiveMQ; a preference narrows the choice. */
  public static BrokerKind broker(
      String externalUrl, BrokerKind preferred, Optional<Path> mosquittoBinary) {
    if (isSet(externalUrl)) {
      return BrokerKind.EXTERNAL;
    }
    return switch (preferred) {
      case MOSQUITTO -> {
        if (mosquittoBinary.isEmpty()) {
          throw new IllegalStateException(
              "Mosquitto was asked for but is not installed (apt-get install mosquitto)");
        }
        yield BrokerKind.MOSQUITTO;
      }
      case HIVEMQ -> BrokerKind.HIVEMQ;
      case AUTO -> mosquittoBinary.isPresent() ? BrokerKind.MOSQUITTO : BrokerKind.HIVEMQ;
      case EXTERNAL ->
          throw new IllegalArgumentException("an external broker needs VORLAUF_MQTT_URL");
    };
  }

  /** External address → CLI dev server (installed, or built with Go) → in-JVM test server. */
  public static TemporalPlan temporal(
      String externalAddress,
      TemporalKind preferred,
      Optional<Path> cliBinary,
      boolean goAvailable) {
    if (isSet(externalAddress)) {
      return TemporalPlan.EXTERNAL;
    }
    TemporalPlan cli =
        cliBinary.isPresent()
            ? TemporalPlan.CLI_DEV_SERVER
            : goAvailable ? TemporalPlan.BUILD_CLI_THEN_DEV_SERVER : null;
    return switch (preferred) {
      case IN_JVM -> TemporalPlan.IN_JVM;
      case CLI_DEV_SERVER -> {
        if (cli == null) {
          throw new IllegalStateException(
              "the Temporal CLI dev server was asked for, but neither the temporal binary nor Go"
                  + " is installed");
        }
        yield cli;
      }
      case AUTO -> cli == null ? TemporalPlan.IN_JVM : cli;
      case EXTERNAL ->
          throw new IllegalArgumentException("an external Temporal server needs TEMPORAL_ADDRESS");
    };
  }

  static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
