package de.vorlauf.simulator.physics;

import java.time.Instant;

/**
 * The answer to a setpoint, as acknowledged on {@code greenbox/{device}/commands/ack}.
 *
 * @param reason why it was rejected, for a person; {@code null} when applied
 * @param appliedValue the accepted setpoint, or the flow temperature still running when rejected
 * @param appliedAt the building's simulated time of the decision
 */
public record SetpointResult(
    String commandId, boolean applied, String reason, double appliedValue, Instant appliedAt) {

  static SetpointResult applied(String commandId, double value, Instant at) {
    return new SetpointResult(commandId, true, null, value, at);
  }

  static SetpointResult rejected(String commandId, String reason, double running, Instant at) {
    return new SetpointResult(commandId, false, reason, running, at);
  }
}
