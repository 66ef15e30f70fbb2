package de.vorlauf.workflows.vendor;

import java.time.Instant;

/**
 * What the workflow remembers about one installation.
 *
 * @param cursor every reading up to and including this time is committed (or quarantined)
 * @param lastSuccessAt workflow time of the last poll that completed
 * @param lastError why the last poll failed; null when it succeeded
 * @param consecutiveFailures polls failed in a row since the last success
 * @param readingsStored readings newly stored, over all runs
 * @param duplicates readings the store already had (re-polls after a retry or restart)
 * @param quarantined readings refused by validation, in the quarantine
 */
public record InstallationState(
    String installationId,
    Instant cursor,
    Instant lastSuccessAt,
    String lastError,
    int consecutiveFailures,
    long readingsStored,
    long duplicates,
    long quarantined) {

  static InstallationState first(String installationId, Instant cursor) {
    return new InstallationState(installationId, cursor, null, null, 0, 0, 0, 0);
  }

  InstallationState succeeded(PollResult result, Instant at) {
    return new InstallationState(
        installationId,
        later(cursor, result.cursor()),
        at,
        null,
        0,
        readingsStored + result.readingsStored(),
        duplicates + result.duplicates(),
        quarantined + result.quarantined());
  }

  /**
   * @param progress what the failed poll committed before it failed, or null
   */
  InstallationState failed(String error, PollResult progress) {
    PollResult done = progress == null ? PollResult.nothing(installationId, cursor) : progress;
    return new InstallationState(
        installationId,
        later(cursor, done.cursor()),
        lastSuccessAt,
        error,
        consecutiveFailures + 1,
        readingsStored + done.readingsStored(),
        duplicates + done.duplicates(),
        quarantined + done.quarantined());
  }

  /** A cursor never moves back: a late result of an older poll must not cause a re-poll gap. */
  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || !b.isAfter(a) ? a : b;
  }
}
