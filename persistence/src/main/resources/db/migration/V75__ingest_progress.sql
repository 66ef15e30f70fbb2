-- Vorlauf V75: each ingesting process publishes its lanes' progress here every few seconds, so the
-- platform self-check and the status page see every worker's backlog and lag, not only those of
-- the process that happens to answer (issue 14). One row per process and lane, overwritten in
-- place; a process deletes its rows when it stops, rows of a crashed one age out.
CREATE TABLE ingest_progress (
    process_id      text        NOT NULL,
    lane            text        NOT NULL CHECK (lane IN ('live', 'backlog')),
    reported_at     timestamptz NOT NULL,
    -- null where the process consumes no MQTT (vendor polling only)
    subscribed      boolean,
    in_flight       integer     NOT NULL CHECK (in_flight >= 0),
    queued_readings integer     NOT NULL CHECK (queued_readings >= 0),
    -- commit time minus the newest reading of the last committed message; null before the first
    lag_seconds     double precision,
    last_commit_at  timestamptz,
    stalled_seconds bigint      NOT NULL CHECK (stalled_seconds >= 0),
    PRIMARY KEY (process_id, lane)
);
