package de.vorlauf.workflows.vendor;

import java.time.Instant;

/**
 * What one poll of an installation committed. Also the progress a failed poll reports (as failure
 * details) and heartbeats, so neither a retry nor the workflow loses what was stored.
 *
 * @param cursor the newest time up to which every reading is committed; the request's cursor when
 *     nothing new was there
 * @param readingsStored readings newly stored
 * @param duplicates readings that were already stored
 * @param quarantined readings refused by validation and put in the quarantine
 */
public record PollResult(
    String installationId, Instant cursor, long readingsStored, long duplicates, long quarantined) {

  public static PollResult nothing(String installationId, Instant cursor) {
    return new PollResult(installationId, cursor, 0, 0, 0);
  }

  /** This progress followed by {@code next}, which started where this one ended. */
  public PollResult plus(PollResult next) {
    return new PollResult(
        installationId,
        next.cursor(),
        readingsStored + next.readingsStored(),
        duplicates + next.duplicates(),
        quarantined + next.quarantined());
  }
}
