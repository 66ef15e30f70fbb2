package de.vorlauf.workflows.selfcheck;

import java.util.List;

/**
 * @param readings clock readings the other probes took (possibly none when they failed); the clock
 *     check adds the Temporal server's clock itself
 */
public record ClockCheckRequest(List<ClockReading> readings) {

  public ClockCheckRequest {
    readings = readings == null ? List.of() : List.copyOf(readings);
  }
}
