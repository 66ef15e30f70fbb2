-- Vorlauf V105: experiment tracking in Vorlauf's own database (issue 19).
--
-- The concepts of MLflow (experiments, runs, params, metrics, tags, artifacts) plus the lineage a
-- training run needs: the feature window, the ETL runs that wrote those features, a fingerprint of
-- the data, the code version and the workflow. Written by the training activities through
-- ExperimentTracker (persistence), read by the admin WAR.
--
-- Idempotency under activity retries: every write has a natural key. A run is found again by its
-- run_key (the caller's idempotency key, e.g. workflow id + step name), a param by (run, key), a
-- summary metric by (run, key), a step of a series by (run, key, step), an artifact by (run, name).
-- A retried attempt overwrites what the failed one wrote instead of adding rows.

CREATE TABLE experiments (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- the public id (URLs, API): readable and stable across databases
    name                    text        NOT NULL,
    description             text,
    -- artifacts of a finished run are kept this long after it ended, unless the run is pinned
    artifact_retention_days integer     NOT NULL DEFAULT 90,
    created_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT experiments_name_unique UNIQUE (name),
    CONSTRAINT experiments_name_format CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$'),
    CONSTRAINT experiments_retention_positive CHECK (artifact_retention_days >= 1)
);

CREATE TABLE experiment_runs (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    experiment_id   bigint      NOT NULL REFERENCES experiments (id),
    run_key         text        NOT NULL,
    name            text        NOT NULL,
    status          text        NOT NULL DEFAULT 'RUNNING',
    started_at      timestamptz NOT NULL,
    ended_at        timestamptz,
    -- lineage known at the start: the build that ran it and the Temporal workflow that started it
    code_version    text        NOT NULL,
    workflow_id     text,
    workflow_run_id text,
    -- a pinned run keeps its artifacts whatever the retention (e.g. the model that went live)
    pinned          boolean     NOT NULL DEFAULT false,
    CONSTRAINT experiment_runs_key_unique UNIQUE (run_key),
    CONSTRAINT experiment_runs_status_known
        CHECK (status IN ('RUNNING', 'FINISHED', 'FAILED', 'KILLED')),
    CONSTRAINT experiment_runs_end_after_start CHECK (ended_at IS NULL OR ended_at >= started_at)
);

CREATE INDEX experiment_runs_experiment_idx ON experiment_runs (experiment_id, started_at DESC);
CREATE INDEX experiment_runs_workflow_idx ON experiment_runs (workflow_id);

CREATE TABLE experiment_run_params (
    run_id bigint NOT NULL REFERENCES experiment_runs (id) ON DELETE CASCADE,
    key    text   NOT NULL,
    value  text   NOT NULL,
    CONSTRAINT experiment_run_params_pk PRIMARY KEY (run_id, key),
    CONSTRAINT experiment_run_params_value_length CHECK (char_length(value) <= 6000)
);

CREATE TABLE experiment_run_tags (
    run_id bigint NOT NULL REFERENCES experiment_runs (id) ON DELETE CASCADE,
    key    text   NOT NULL,
    value  text   NOT NULL DEFAULT '',
    CONSTRAINT experiment_run_tags_pk PRIMARY KEY (run_id, key)
);

CREATE INDEX experiment_run_tags_key_idx ON experiment_run_tags (key, value);

-- single values (final RMSE on the holdout, training time)
CREATE TABLE experiment_run_metrics (
    run_id    bigint           NOT NULL REFERENCES experiment_runs (id) ON DELETE CASCADE,
    key       text             NOT NULL,
    value     double precision NOT NULL,
    logged_at timestamptz      NOT NULL,
    CONSTRAINT experiment_run_metrics_pk PRIMARY KEY (run_id, key)
);

-- stepped series (loss per epoch): the learning curves
CREATE TABLE experiment_run_metric_steps (
    run_id    bigint           NOT NULL REFERENCES experiment_runs (id) ON DELETE CASCADE,
    key       text             NOT NULL,
    step      bigint           NOT NULL,
    value     double precision NOT NULL,
    logged_at timestamptz      NOT NULL,
    CONSTRAINT experiment_run_metric_steps_pk PRIMARY KEY (run_id, key, step),
    CONSTRAINT experiment_run_metric_steps_step_positive CHECK (step >= 0)
);

-- Artifacts live here, not on disk: the worker writes them and the WAR serves them, and the two
-- need not share a file system; one backup holds a run and its files; a run's rows and its
-- artifacts commit together. They are small (a model of a few hundred KB, JSON, CSV): the
-- tracker refuses more than 64 MiB. The checksum is checked on every read.
CREATE TABLE experiment_run_artifacts (
    run_id     bigint      NOT NULL REFERENCES experiment_runs (id) ON DELETE CASCADE,
    name       text        NOT NULL,
    media_type text        NOT NULL,
    size_bytes bigint      NOT NULL,
    sha256     text        NOT NULL,
    -- null once retention removed it; the row stays, so the run still says what it produced
    content    bytea,
    stored_at  timestamptz NOT NULL,
    purged_at  timestamptz,
    CONSTRAINT experiment_run_artifacts_pk PRIMARY KEY (run_id, name),
    CONSTRAINT experiment_run_artifacts_name_format CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$'),
    CONSTRAINT experiment_run_artifacts_sha256_format CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT experiment_run_artifacts_content_or_purged
        CHECK ((content IS NULL) = (purged_at IS NOT NULL))
);

-- The data a run trained on. The ETL rewrites etl_building_days when it re-runs a day, so the ETL
-- runs are copied here when the lineage is recorded: the run keeps naming the runs it saw.
CREATE TABLE experiment_run_lineage (
    run_id           bigint      NOT NULL PRIMARY KEY REFERENCES experiment_runs (id) ON DELETE CASCADE,
    feature_from     date        NOT NULL,
    feature_to       date        NOT NULL,
    -- empty: every building with features in the window
    building_ids     text[]      NOT NULL DEFAULT '{}',
    building_days    integer     NOT NULL,
    data_fingerprint text        NOT NULL,
    recorded_at      timestamptz NOT NULL,
    CONSTRAINT experiment_run_lineage_window CHECK (feature_from <= feature_to)
);

-- etl_run is the ETL's workflow id (etl_building_days.etl_run: NightlyEtlWorkflow names its run
-- after its workflow id, kept across continue-as-new).
CREATE TABLE experiment_run_etl_runs (
    run_id        bigint  NOT NULL REFERENCES experiment_runs (id) ON DELETE CASCADE,
    etl_run       text    NOT NULL,
    building_days integer NOT NULL,
    first_day     date    NOT NULL,
    last_day      date    NOT NULL,
    CONSTRAINT experiment_run_etl_runs_pk PRIMARY KEY (run_id, etl_run)
);
