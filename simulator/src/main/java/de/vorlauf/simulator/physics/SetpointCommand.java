package de.vorlauf.simulator.physics;

import java.time.Instant;

/**
 * A setpoint as received on {@code greenbox/{device}/commands/setpoint}.
 *
 * @param flowTempSetpoint the flow temperature to run instead of the heating curve, °C
 * @param roomSetpoint optional room target, °C; when given the controller adds room influence
 * @param validUntil the override ends here and the heating curve takes over again
 */
public record SetpointCommand(
    String commandId,
    int circuit,
    double flowTempSetpoint,
    Double roomSetpoint,
    Instant validUntil,
    Instant issuedAt) {}
