package de.vorlauf.simulator.cloud;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * One installation of the simulated cloud with its single gateway and heating device, which is how
 * most real single-boiler installations look in the vendor's API.
 *
 * @param features the vendor feature names it offers, see {@link CloudFeature#namesForSensors}
 */
public record CloudInstallation(
    String installationId,
    String gatewaySerial,
    String deviceId,
    String description,
    ZoneId zone,
    Set<String> features) {

  public CloudInstallation {
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(gatewaySerial, "gatewaySerial");
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(zone, "zone");
    features = Set.copyOf(features);
    for (String feature : features) {
      if (CloudFeature.byName(feature).isEmpty()) {
        throw new IllegalArgumentException(
            "installation " + installationId + ": unknown feature " + feature);
      }
    }
  }
}
