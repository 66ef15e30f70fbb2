package de.vorlauf.persistence.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * A command to queue: the optimisation it carries ({@code buildingId, asOf, origin}), its values,
 * and the exact bytes every (re)send publishes.
 *
 * @param roomSetpoint null when the command carries none
 */
public record NewSetpointCommand(
    String commandId,
    String buildingId,
    String deviceId,
    int circuit,
    Instant asOf,
    String origin,
    double flowTempSetpoint,
    Double roomSetpoint,
    Instant issuedAt,
    Instant validUntil,
    byte[] payload) {

  public NewSetpointCommand {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(buildingId, "buildingId");
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(validUntil, "validUntil");
    Objects.requireNonNull(payload, "payload");
    if (!validUntil.isAfter(issuedAt)) {
      throw new IllegalArgumentException(
          "valid_until %s is not after issued_at %s".formatted(validUntil, issuedAt));
    }
  }
}
