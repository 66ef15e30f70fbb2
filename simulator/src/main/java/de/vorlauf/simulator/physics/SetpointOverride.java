package de.vorlauf.simulator.physics;

import de.vorlauf.domain.heating.EquipmentLimits;
import de.vorlauf.domain.heating.HeatingType;
import java.time.Instant;

/**
 * The setpoint currently overriding the heating curve, and the checks a controller makes before it
 * accepts one. Only circuit 1 exists in a simulated building.
 */
final class SetpointOverride {

  static final int CIRCUIT = 1;
  private static final double ROOM_MIN_C = 10.0;
  private static final double ROOM_MAX_C = 30.0;

  private final HeatingType type;
  private long untilEpochS = Long.MIN_VALUE;
  private double flowC;
  private Double roomC;

  SetpointOverride(HeatingType type) {
    this.type = type;
  }

  boolean activeAt(long epochSecond) {
    return epochSecond < untilEpochS;
  }

  double flowC() {
    return flowC;
  }

  Double roomC() {
    return roomC;
  }

  SetpointResult apply(SetpointCommand command, long nowEpochS, double runningFlowC) {
    Instant at = Instant.ofEpochSecond(nowEpochS);
    String reason = rejection(command, at);
    if (reason != null) {
      return SetpointResult.rejected(command.commandId(), reason, runningFlowC, at);
    }
    untilEpochS = command.validUntil().getEpochSecond();
    flowC = command.flowTempSetpoint();
    roomC = command.roomSetpoint();
    return SetpointResult.applied(command.commandId(), flowC, at);
  }

  private String rejection(SetpointCommand command, Instant at) {
    if (command.circuit() != CIRCUIT) {
      return "unknown circuit " + command.circuit() + ": this building has circuit 1 only";
    }
    if (command.validUntil() == null || !command.validUntil().isAfter(at)) {
      return "expired: valid_until " + command.validUntil() + " is not after " + at;
    }
    double flow = command.flowTempSetpoint();
    if (!Double.isFinite(flow)) {
      return "flow_temp_setpoint " + flow + " is not a number";
    }
    EquipmentLimits limits = type.limits();
    if (flow > limits.maxFlowC()) {
      return String.format(
          "flow_temp_setpoint %.1f degC is above the %s maximum of %.1f degC",
          flow, type.label(), limits.maxFlowC());
    }
    if (flow < limits.minFlowC()) {
      return String.format(
          "flow_temp_setpoint %.1f degC is below the minimum flow temperature of %.1f degC",
          flow, limits.minFlowC());
    }
    Double room = command.roomSetpoint();
    if (room != null && !(room >= ROOM_MIN_C && room <= ROOM_MAX_C)) {
      return String.format(
          "room_setpoint %s degC is outside [%.0f, %.0f] degC", room, ROOM_MIN_C, ROOM_MAX_C);
    }
    return null;
  }
}
