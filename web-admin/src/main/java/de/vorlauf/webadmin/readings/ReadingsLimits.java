package de.vorlauf.webadmin.readings;

import de.vorlauf.domain.config.EnvReader;
import de.vorlauf.domain.config.ReadingsVars;
import de.vorlauf.domain.config.StorageVars;
import java.time.Duration;
import java.util.Map;

/**
 * What one readings request may ask for, and how long raw readings are kept (older ranges are
 * answered from the hourly rollup).
 *
 * @param maxRange longest {@code from..to}
 * @param maxSensors most sensors named in one request
 * @param rawRetention raw readings are kept this long
 */
public record ReadingsLimits(Duration maxRange, int maxSensors, Duration rawRetention) {

  /**
   * @throws de.vorlauf.domain.config.ConfigException naming every variable that cannot be used
   */
  public static ReadingsLimits fromEnvironment(Map<String, String> environment) {
    EnvReader env = new EnvReader(environment);
    Duration maxRange = env.get(ReadingsVars.MAX_RANGE);
    int maxSensors = env.get(ReadingsVars.MAX_SENSORS);
    Duration rawRetention = env.get(StorageVars.RAW_RETENTION);
    env.throwIfInvalid();
    return new ReadingsLimits(maxRange, maxSensors, rawRetention);
  }
}
