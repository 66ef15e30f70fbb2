-- Vorlauf V20: what the ingestion pipeline needs beyond V1's quarantine table.
-- Numbers V20-V29 belong to ingestion; the readings storage uses V3-V9.

-- A quarantine row is one refused part (the whole message, or one reading) of one message.
-- message_key is the SHA-256 of source, topic and the full payload; (message_key, part) makes a
-- redelivered message land on the same rows instead of new ones. payload_complete is false when
-- the stored payload is not byte-exact (cut at the size cap, or not valid UTF-8): such a row
-- cannot be re-ingested.
ALTER TABLE quarantine
    ADD COLUMN sensor_id        text,
    ADD COLUMN message_key      text,
    ADD COLUMN part             integer NOT NULL DEFAULT 0,
    ADD COLUMN payload_complete boolean NOT NULL DEFAULT true;

CREATE UNIQUE INDEX quarantine_message_part_key ON quarantine (message_key, part);
CREATE INDEX quarantine_device_reason_idx ON quarantine (device_id, reason);
CREATE INDEX quarantine_reason_idx ON quarantine (reason);

-- Per reason: rows in the quarantine (kept by triggers, so deletes by hand count too) and rows
-- refused because the quarantine was full. Reading the total is a sum over ~15 rows instead of
-- a count over up to the cap.
CREATE TABLE quarantine_counts (
    reason          text PRIMARY KEY,
    stored          bigint NOT NULL DEFAULT 0,
    dropped         bigint NOT NULL DEFAULT 0,
    last_dropped_at timestamptz
);

INSERT INTO quarantine_counts (reason, stored)
SELECT reason, count(*) FROM quarantine GROUP BY reason;

CREATE FUNCTION vorlauf_quarantine_counts_insert() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    -- sorted: concurrent writers lock counter rows in the same order
    INSERT INTO quarantine_counts AS c (reason, stored)
    SELECT reason, count(*) FROM new_rows GROUP BY reason ORDER BY reason
    ON CONFLICT (reason) DO UPDATE SET stored = c.stored + excluded.stored;
    RETURN NULL;
END;
$$;

CREATE FUNCTION vorlauf_quarantine_counts_delete() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE quarantine_counts c SET stored = greatest(c.stored - d.n, 0)
    FROM (SELECT reason, count(*) AS n FROM old_rows GROUP BY reason ORDER BY reason) d
    WHERE c.reason = d.reason;
    RETURN NULL;
END;
$$;

CREATE FUNCTION vorlauf_quarantine_counts_truncate() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE quarantine_counts SET stored = 0;
    RETURN NULL;
END;
$$;

CREATE TRIGGER quarantine_counted_insert
    AFTER INSERT ON quarantine REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION vorlauf_quarantine_counts_insert();

CREATE TRIGGER quarantine_counted_delete
    AFTER DELETE ON quarantine REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION vorlauf_quarantine_counts_delete();

CREATE TRIGGER quarantine_counted_truncate
    AFTER TRUNCATE ON quarantine
    FOR EACH STATEMENT EXECUTE FUNCTION vorlauf_quarantine_counts_truncate();

-- What ops see per device. Written by the ingestion workers right after their batches commit,
-- one row per device per flush. "online" flips to false when no message arrived for the
-- configured time (a sweep does that); it becomes true again after "streak" reaches 2 messages
-- without such a gap.
CREATE TABLE device_status (
    device_id         text        PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
    building_id       text        NOT NULL,
    first_seen        timestamptz NOT NULL,
    last_seen         timestamptz NOT NULL,
    last_reading_time timestamptz,
    message_count     bigint      NOT NULL DEFAULT 0,
    reading_count     bigint      NOT NULL DEFAULT 0,
    quarantined_count bigint      NOT NULL DEFAULT 0,
    online            boolean     NOT NULL DEFAULT false,
    streak            integer     NOT NULL DEFAULT 0,
    state_changed_at  timestamptz NOT NULL
);

CREATE INDEX device_status_building_idx ON device_status (building_id);
CREATE INDEX device_status_online_seen_idx ON device_status (last_seen) WHERE online;
