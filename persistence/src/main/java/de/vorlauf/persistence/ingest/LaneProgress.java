package de.vorlauf.persistence.ingest;

import java.time.Instant;

/**
 * One process's progress on one ingest lane, as it published it to {@code ingest_progress}.
 *
 * @param processId who reported, e.g. {@code 4711@host} (the Temporal worker identity's form)
 * @param lane {@code live} or {@code backlog}
 * @param reportedAt when the process wrote this row (its clock)
 * @param subscribed whether its MQTT subscriptions for the lane are granted; null when it consumes
 *     no MQTT
 * @param inFlight messages received and not committed yet
 * @param queuedReadings readings accepted by the lane's writer and not committed yet
 * @param lagSeconds commit time minus the newest reading of the last committed message; null before
 *     the first commit
 * @param lastCommitAt when the lane last committed a message; null before the first
 * @param stalledSeconds how long messages have been in flight without an acknowledgement
 */
public record LaneProgress(
    String processId,
    String lane,
    Instant reportedAt,
    Boolean subscribed,
    int inFlight,
    int queuedReadings,
    Double lagSeconds,
    Instant lastCommitAt,
    long stalledSeconds) {}
