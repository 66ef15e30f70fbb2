package de.vorlauf.workflows.vendor;

import java.time.Duration;
import java.time.Instant;

/**
 * One installation as the status query shows it.
 *
 * @param state {@code ok}, {@code failing} or {@code pending} (not polled successfully yet)
 * @param lag workflow time minus cursor: how far behind the stored data is
 * @param polling true while a poll of it is in flight
 */
public record InstallationStatus(
    String installationId,
    String state,
    String lastError,
    Instant lastSuccessAt,
    Instant cursor,
    Duration lag,
    long readingsStored,
    long duplicates,
    long quarantined,
    int consecutiveFailures,
    boolean polling) {

  public static final String OK = "ok";
  public static final String FAILING = "failing";
  public static final String PENDING = "pending";
}
