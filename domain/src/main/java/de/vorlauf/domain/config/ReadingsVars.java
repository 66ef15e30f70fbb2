package de.vorlauf.domain.config;

import static de.vorlauf.domain.config.ReadBy.WILDFLY;

import java.time.Duration;
import java.util.List;

/**
 * Limits of reading back a building's readings ({@code GET /api/v1/buildings/{id}/readings}): one
 * request may not ask for more than this, so one browser tab cannot occupy the database for
 * minutes. Requests beyond them are answered with a problem naming the limit.
 */
public final class ReadingsVars {

  public static final EnvVar<Duration> MAX_RANGE =
      EnvVar.duration("VORLAUF_READINGS_MAX_RANGE", "PT1H")
          .byDefault("P400D")
          .readBy(WILDFLY)
          .means("longest from..to range one readings request may ask for");

  public static final EnvVar<Integer> MAX_SENSORS =
      EnvVar.integer("VORLAUF_READINGS_MAX_SENSORS", 1, 200)
          .byDefault("20")
          .readBy(WILDFLY)
          .means("most sensors one readings request may name");

  public static final List<EnvVar<?>> ALL = List.of(MAX_RANGE, MAX_SENSORS);

  private ReadingsVars() {}
}
