package de.vorlauf.ingest.pipeline;

import de.vorlauf.domain.ingest.Lane;
import java.time.Duration;
import java.time.Instant;

/**
 * What one lane committed since the pipeline started: for metrics, health and the status page.
 *
 * @param messages messages of this lane whose outcome is committed
 * @param receiveToCommitNanos summed time from a message's arrival in this process to its commit:
 *     with {@code messages} the mean delay this process adds
 * @param lastLag commit time minus the newest reading of the last committed device message that
 *     carried readings (how old the data was when it was stored: for live devices the
 *     publish-to-commit lag, for a backlog how far back the upload is); polled vendor messages do
 *     not set it, their age is the vendor cloud's cadence; null before the first
 * @param lastCommitAt when the last message of this lane was committed; null before the first
 */
public record LaneStats(
    Lane lane, long messages, long receiveToCommitNanos, Duration lastLag, Instant lastCommitAt) {

  public static LaneStats none(Lane lane) {
    return new LaneStats(lane, 0, 0, null, null);
  }
}
