package de.vorlauf.simulator.faults;

/**
 * One fault the injector applied, so a test can subtract it from the truth.
 *
 * @param sensorId the sensor concerned, or {@code null} for faults of the whole message
 * @param detail for people: the original and the published value, the skew, the episode
 */
public record InjectedFault(Type type, String sensorId, String detail) {

  public enum Type {
    /** One minute not sent. */
    GAP,
    /** The device is silent for an episode (offline, then back). */
    OFFLINE,
    /** The sensor repeats the value it had when the episode began. */
    STUCK,
    /** An implausible jump that stays inside the catalogue range: ingestion stores it. */
    SPIKE_IN_RANGE,
    /** A value outside the catalogue range: ingestion quarantines it as {@code out_of_range}. */
    SPIKE_OUT_OF_RANGE,
    BAD_QUALITY,
    UNCERTAIN_QUALITY,
    /** The message is sent as broken JSON: ingestion quarantines it as {@code malformed_json}. */
    MALFORMED,
    /** The message timestamp lags the real minute (never leads it). */
    CLOCK_SKEW
  }
}
