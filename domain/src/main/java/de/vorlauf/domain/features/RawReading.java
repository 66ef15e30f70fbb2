package de.vorlauf.domain.features;

import de.vorlauf.domain.sensor.Quality;
import java.time.Instant;
import java.util.Objects;

/** One stored reading as the feature rules read it: canonical sensor id and unit. */
public record RawReading(String sensorId, Instant time, double value, Quality quality) {

  public RawReading {
    Objects.requireNonNull(sensorId, "sensorId");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(quality, "quality");
  }
}
