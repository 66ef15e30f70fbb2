package de.vorlauf.workflows.portfolio;

import de.vorlauf.workflows.training.TrainingActivities;
import java.time.Duration;
import java.time.Instant;

/**
 * One portfolio run's settings; zero or null fields take the defaults.
 *
 * @param asOf the hour the setpoints are for; null: the scheduled start truncated to the hour (so a
 *     run started late, or a retry of the schedule's action, still optimises its own hour)
 * @param batchSize buildings per batch activity ({@value #DEFAULT_BATCH_SIZE}; {@value
 *     #MIN_BATCH_SIZE}..{@value #MAX_BATCH_SIZE})
 * @param parallelism batch activities in flight at once ({@value #DEFAULT_PARALLELISM}; at most
 *     {@value #MAX_PARALLELISM})
 * @param maxAttempts attempts per building, the first included ({@value #DEFAULT_MAX_ATTEMPTS})
 * @param retryBackoff the wait before a failed building's second attempt, doubled for each further
 *     one (default 30 s)
 * @param modelName the registered heat-demand model (default {@value #DEFAULT_MODEL})
 * @param modelAlias the alias that predicts (default {@value #DEFAULT_ALIAS})
 * @param publish whether setpoints go to the devices
 * @param origin stored with every result (default {@value #DEFAULT_ORIGIN})
 */
public record PortfolioRequest(
    Instant asOf,
    int batchSize,
    int parallelism,
    int maxAttempts,
    Duration retryBackoff,
    String modelName,
    String modelAlias,
    boolean publish,
    String origin) {

  public static final int DEFAULT_BATCH_SIZE = 50;
  public static final int MIN_BATCH_SIZE = 10;
  public static final int MAX_BATCH_SIZE = 500;
  public static final int DEFAULT_PARALLELISM = 4;
  public static final int MAX_PARALLELISM = 32;
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(30);
  public static final String DEFAULT_MODEL = TrainingActivities.MODEL;
  public static final String DEFAULT_ALIAS = "champion";
  public static final String DEFAULT_ORIGIN = "hourly";

  /** What the schedule starts: every default, setpoints published. */
  public static PortfolioRequest hourly() {
    return new PortfolioRequest(null, 0, 0, 0, null, null, null, true, null);
  }

  int effectiveBatchSize() {
    return batchSize <= 0
        ? DEFAULT_BATCH_SIZE
        : Math.max(MIN_BATCH_SIZE, Math.min(MAX_BATCH_SIZE, batchSize));
  }

  int effectiveParallelism() {
    return parallelism <= 0 ? DEFAULT_PARALLELISM : Math.min(MAX_PARALLELISM, parallelism);
  }

  int effectiveMaxAttempts() {
    return maxAttempts <= 0 ? DEFAULT_MAX_ATTEMPTS : maxAttempts;
  }

  Duration effectiveRetryBackoff() {
    return retryBackoff == null || retryBackoff.isNegative() ? DEFAULT_RETRY_BACKOFF : retryBackoff;
  }

  String effectiveModelName() {
    return modelName == null ? DEFAULT_MODEL : modelName;
  }

  String effectiveModelAlias() {
    return modelAlias == null ? DEFAULT_ALIAS : modelAlias;
  }

  String effectiveOrigin() {
    return origin == null ? DEFAULT_ORIGIN : origin;
  }
}
