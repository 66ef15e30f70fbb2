-- Vorlauf V160: tracked setpoint delivery (issue 23).
--
-- One row per setpoint command, from the moment the optimisation queued it until the device
-- applied or rejected it, it expired, or a newer command for the same device and circuit replaced
-- it before it was applied. The row is the delivery's whole state: a dispatcher in any worker
-- (re)sends due rows, the acknowledgement listener settles them, and a restarted worker carries on
-- from here (nothing of a delivery lives only in memory).
--
--   QUEUED ──send──► SENT ──ack applied──► APPLIED
--     │                │ ──ack rejected──► REJECTED (reason = the device's)
--     │                │ ──resend (no ack within the interval, attempts + 1)──► SENT
--     └────────────────┴──valid_until passed──► EXPIRED
--     └────────────────┴──newer command for the device and circuit──► SUPERSEDED (superseded_by)
CREATE TABLE setpoint_commands (
    command_id         text             PRIMARY KEY,
    building_id        text             NOT NULL,
    device_id          text             NOT NULL,
    circuit            integer          NOT NULL,
    -- the optimisation the command carries: optimization_results (building_id, as_of, origin)
    as_of              timestamptz      NOT NULL,
    origin             text             NOT NULL,
    flow_temp_setpoint double precision NOT NULL,
    room_setpoint      double precision,
    issued_at          timestamptz      NOT NULL,
    valid_until        timestamptz      NOT NULL,
    -- the exact bytes on the command topic: every (re)send publishes the same message
    payload            bytea            NOT NULL,
    state              text             NOT NULL,
    attempts           integer          NOT NULL DEFAULT 0,
    queued_at          timestamptz      NOT NULL,
    first_sent_at      timestamptz,
    last_sent_at       timestamptz,
    -- when the dispatcher looks at the row again (send, resend or expire); NULL once settled
    next_attempt_at    timestamptz,
    settled_at         timestamptz,
    -- the device's rejection reason, why it expired, or the last send error while still in flight
    reason             text,
    superseded_by      text,
    applied_value      double precision,
    applied_at         timestamptz,
    CONSTRAINT setpoint_commands_state
        CHECK (state IN ('QUEUED', 'SENT', 'APPLIED', 'REJECTED', 'EXPIRED', 'SUPERSEDED')),
    CONSTRAINT setpoint_commands_settled
        CHECK ((state IN ('QUEUED', 'SENT')) = (settled_at IS NULL)),
    CONSTRAINT setpoint_commands_attempts CHECK (attempts >= 0),
    CONSTRAINT setpoint_commands_valid CHECK (valid_until > issued_at)
);

-- one command in flight per device and circuit: queueing a newer one supersedes the older in the
-- same transaction, so an offline device that returns gets the latest valid command, never a stale one
CREATE UNIQUE INDEX setpoint_commands_in_flight
    ON setpoint_commands (device_id, circuit) WHERE state IN ('QUEUED', 'SENT');
-- the dispatcher's scan: due rows in flight
CREATE INDEX setpoint_commands_due
    ON setpoint_commands (next_attempt_at) WHERE state IN ('QUEUED', 'SENT');
-- a building's delivery history (building page) and its latest command (fleet)
CREATE INDEX setpoint_commands_building ON setpoint_commands (building_id, as_of DESC);
-- retention deletes by age
CREATE INDEX setpoint_commands_queued ON setpoint_commands (queued_at);
