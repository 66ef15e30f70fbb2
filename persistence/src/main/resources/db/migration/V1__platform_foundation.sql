-- Vorlauf V1: the platform foundation. Released migrations are never edited: change the
-- schema with a new version.

-- A building's time zone must be an IANA id the server knows (e.g. Europe/Berlin): heating
-- schedules, night setback and daily ETL windows are local time. A CHECK constraint cannot
-- look the name up (no subqueries, and the zone list may change with tzdata updates, which a
-- CHECK would then fail on restore), so a trigger validates new and changed values only.
CREATE FUNCTION vorlauf_check_time_zone() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = NEW.time_zone) THEN
        RAISE EXCEPTION 'time zone "%" of building "%" is not an IANA time zone id known to this server',
            NEW.time_zone, NEW.id
            USING ERRCODE = 'check_violation',
                  HINT = 'Use a region name such as Europe/Berlin (see pg_timezone_names).';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TABLE buildings (
    id           text PRIMARY KEY,
    name         text        NOT NULL,
    time_zone    text        NOT NULL,
    heating_type text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT buildings_id_not_blank CHECK (btrim(id) <> ''),
    -- the heat source decides the optimiser; the source document's values: gas, district
    -- heating (fernwaerme), heat pump (waermepumpe), hybrid
    CONSTRAINT buildings_heating_type_known
        CHECK (heating_type IN ('gas', 'fernwaerme', 'waermepumpe', 'hybrid'))
);

CREATE TRIGGER buildings_time_zone_valid
    BEFORE INSERT OR UPDATE OF time_zone ON buildings
    FOR EACH ROW EXECUTE FUNCTION vorlauf_check_time_zone();

CREATE TABLE devices (
    id          text PRIMARY KEY,
    building_id text        NOT NULL REFERENCES buildings (id),
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT devices_id_not_blank CHECK (btrim(id) <> '')
);

CREATE INDEX devices_building_idx ON devices (building_id);

-- Narrow time series: one row per reading. No foreign keys: ingestion validates devices
-- against a cache before the batched COPY, and per-row FK checks would halve its rate.
-- The primary key is the deduplication key (redelivered MQTT messages); it includes "time"
-- because TimescaleDB enforces uniqueness per chunk.
CREATE TABLE sensor_readings (
    time        timestamptz      NOT NULL,
    building_id text             NOT NULL,
    device_id   text             NOT NULL,
    sensor_id   text             NOT NULL,
    value       double precision NOT NULL,
    unit        text             NOT NULL,
    quality     text             NOT NULL DEFAULT 'good',
    received_at timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT sensor_readings_pk PRIMARY KEY (device_id, sensor_id, time),
    CONSTRAINT sensor_readings_value_finite CHECK (value <> 'NaN'::double precision
        AND value <> 'Infinity'::double precision AND value <> '-Infinity'::double precision),
    CONSTRAINT sensor_readings_quality_known CHECK (quality IN ('good', 'uncertain', 'bad'))
);

-- What ingestion refused, with the reason; payloads are capped so a flood of huge garbage
-- cannot fill the disk (the application truncates before insert).
CREATE TABLE quarantine (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    received_at timestamptz NOT NULL DEFAULT now(),
    source      text        NOT NULL,
    device_id   text,
    topic       text,
    reason      text        NOT NULL,
    detail      text,
    payload     text,
    CONSTRAINT quarantine_payload_capped CHECK (octet_length(payload) <= 65536)
);

CREATE INDEX quarantine_received_idx ON quarantine (received_at DESC);

-- Workflows started from the admin UI: who started what, to list recent executions even on a
-- Temporal server without visibility queries.
CREATE TABLE workflow_launches (
    workflow_id   text PRIMARY KEY,
    workflow_type text        NOT NULL,
    run_id        text,
    started_by    text        NOT NULL,
    started_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX workflow_launches_started_idx ON workflow_launches (started_at DESC);

-- The self-check's database round trip: one row per self-check run, written idempotently
-- (a retried activity updates the same row and counts the write).
CREATE TABLE platform_probe (
    probe_key   text PRIMARY KEY,
    token       text        NOT NULL,
    written_at  timestamptz NOT NULL,
    write_count integer     NOT NULL DEFAULT 1
);
