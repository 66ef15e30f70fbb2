package de.vorlauf.persistence.readings;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A readback of one building's sensors over {@code [from, to)}.
 *
 * @param aggregate what a bucket's value is; ignored for {@link Resolution#RAW}
 * @param rawHorizon raw readings are kept from here on (now minus raw retention): what is older is
 *     read from the hourly rollup whatever the resolution
 */
public record ReadingsQuery(
    String buildingId,
    List<String> sensors,
    Instant from,
    Instant to,
    Resolution resolution,
    Aggregate aggregate,
    Instant rawHorizon) {

  public ReadingsQuery {
    Objects.requireNonNull(buildingId, "buildingId");
    sensors = List.copyOf(sensors);
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(aggregate, "aggregate");
    Objects.requireNonNull(rawHorizon, "rawHorizon");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to: " + from + ", " + to);
    }
  }

  /**
   * Where rows stop coming from the hourly rollup because raw readings are older than retention:
   * the raw horizon rounded up to a whole hour (no hour is read half from each), within {@code
   * (from, to]}. Null when nothing of the range is older than the horizon, and for {@link
   * Resolution#HOUR}, which reads the rollup anyway.
   */
  public Instant rollupUntil() {
    if (resolution == Resolution.HOUR) {
      return null;
    }
    long seconds = rawHorizon.getEpochSecond();
    long rest = Math.floorMod(seconds, 3_600L);
    long hour = rest == 0 && rawHorizon.getNano() == 0 ? seconds : seconds - rest + 3_600L;
    Instant boundary = Instant.ofEpochSecond(hour);
    if (!boundary.isAfter(from)) {
      return null;
    }
    return boundary.isBefore(to) ? boundary : to;
  }
}
