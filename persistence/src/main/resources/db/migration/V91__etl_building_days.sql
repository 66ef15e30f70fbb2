-- Vorlauf V91: bookkeeping of the nightly ETL (issue 16).
--
-- etl_building_days: one row per building-day whose features were written, replaced with it, so a
-- re-run shows the latest run and training can name the ETL run its feature window came from.
CREATE TABLE etl_building_days (
    building_id  text             NOT NULL,
    day          date             NOT NULL,
    etl_run      text             NOT NULL,
    processed_at timestamptz      NOT NULL DEFAULT now(),
    slots        integer          NOT NULL,
    mean_quality double precision NOT NULL,
    readings     bigint           NOT NULL,
    bad_readings bigint           NOT NULL,
    CONSTRAINT etl_building_days_pk PRIMARY KEY (building_id, day)
);

-- etl_dirty_days: building-days (the building's local calendar day) whose readings changed after
-- the day was complete: late data, re-ingested quarantine. Ingestion inserts set-based with
-- ON CONFLICT DO NOTHING; the next ETL run processes and deletes them.
CREATE TABLE etl_dirty_days (
    building_id text        NOT NULL,
    day         date        NOT NULL,
    marked_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT etl_dirty_days_pk PRIMARY KEY (building_id, day)
);
