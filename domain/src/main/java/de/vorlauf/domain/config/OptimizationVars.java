package de.vorlauf.domain.config;

import static de.vorlauf.domain.config.ReadBy.WILDFLY;
import static de.vorlauf.domain.config.ReadBy.WORKER;

import java.time.Duration;
import java.util.List;

/** The optimisation's results and the demand predictions they used. */
public final class OptimizationVars {

  public static final EnvVar<Duration> RETENTION =
      EnvVar.duration("VORLAUF_OPTIMIZATION_RETENTION", "P7D")
          .byDefault("P400D")
          .readBy(WORKER, WILDFLY)
          .means(
              "optimisation results and demand predictions kept this long (a heating season and a"
                  + " month: the live-performance monitor compares seasons)");

  public static final List<EnvVar<?>> ALL = List.of(RETENTION);

  private OptimizationVars() {}
}
