package de.vorlauf.activities.etl;

import java.time.Duration;

/**
 * The ETL activities' configuration, read once by the worker.
 *
 * @param rawRetention how long raw readings are kept: backfills may not reach further back
 * @param featureRetention how long feature rows are kept
 * @param attemptsPerDay tries of one building-day within a batch before it is reported failed
 * @param retryDelay pause between those tries
 */
public record EtlSettings(
    Duration rawRetention, Duration featureRetention, int attemptsPerDay, Duration retryDelay) {

  public EtlSettings {
    if (attemptsPerDay < 1) {
      throw new IllegalArgumentException("attemptsPerDay must be at least 1: " + attemptsPerDay);
    }
  }
}
