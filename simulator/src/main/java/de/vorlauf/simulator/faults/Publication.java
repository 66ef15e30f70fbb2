package de.vorlauf.simulator.faults;

import de.vorlauf.simulator.physics.SensorSample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a device sends for one minute after fault injection.
 *
 * @param samples the readings to send (values and qualities possibly changed, times still the
 *     minute); empty when skipped
 * @param malformed send the message as broken JSON
 * @param skipped send nothing (gap or offline)
 * @param skew added to the minute for the message timestamp; zero or negative, at most two minutes
 * @param faults what was injected, in no particular order
 */
public record Publication(
    String deviceId,
    Instant minute,
    List<SensorSample> samples,
    boolean malformed,
    boolean skipped,
    Duration skew,
    List<InjectedFault> faults) {

  public Publication {
    samples = List.copyOf(samples);
    faults = List.copyOf(faults);
  }

  /** The message timestamp: never after the real minute. */
  public Instant timestamp() {
    return minute.plus(skew);
  }
}
