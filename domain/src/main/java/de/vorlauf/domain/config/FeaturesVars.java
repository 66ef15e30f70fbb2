package de.vorlauf.domain.config;

import static de.vorlauf.domain.config.ReadBy.WILDFLY;
import static de.vorlauf.domain.config.ReadBy.WORKER;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The 15-minute feature matrix ({@code building_features}) and the nightly ETL that fills it. */
public final class FeaturesVars {

  public static final EnvVar<Duration> RETENTION =
      EnvVar.duration("VORLAUF_FEATURES_RETENTION", "P30D")
          .byDefault("P730D")
          .readBy(WORKER)
          .means("feature rows kept this long (whole months on plain PostgreSQL)");

  public static final EnvVar<Path> HOLIDAYS_FILE =
      EnvVar.path("VORLAUF_FEATURES_HOLIDAYS_FILE")
          .unset("Germany's nationwide public holidays")
          .readBy(WORKER, WILDFLY)
          .means(
              "holiday calendar of the holiday feature: one entry a line, MM-DD, YYYY-MM-DD or"
                  + " easter+N / easter-N, # starts a comment");

  public static final List<EnvVar<?>> ALL = List.of(RETENTION, HOLIDAYS_FILE);

  private FeaturesVars() {}
}
