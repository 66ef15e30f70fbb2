-- Vorlauf V161: the hourly portfolio optimisation's runs and their per-building problems (issue 23).
--
-- portfolio_runs: one row per PortfolioOptimizationWorkflow run, written when it starts and updated
-- after every batch (the portfolio page's progress) and when it ends (the run summary).
CREATE TABLE portfolio_runs (
    id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workflow_id        text        NOT NULL,
    run_id             text        NOT NULL,
    -- the optimisation's "as of" instant (the hour the setpoints are for) and who asked
    as_of              timestamptz NOT NULL,
    origin             text        NOT NULL,
    state              text        NOT NULL,
    buildings_total    integer     NOT NULL,
    done               integer     NOT NULL DEFAULT 0,
    fallback           integer     NOT NULL DEFAULT 0,
    skipped            integer     NOT NULL DEFAULT 0,
    failed             integer     NOT NULL DEFAULT 0,
    -- fallback cause → buildings, e.g. {"NO_ROOM_MEASUREMENT": 31}
    fallback_reasons   jsonb       NOT NULL DEFAULT '{}',
    started_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    finished_at        timestamptz,
    -- why the run itself ended early (terminated, timed out); NULL for a run that finished
    error              text,
    CONSTRAINT portfolio_runs_key UNIQUE (workflow_id, run_id),
    CONSTRAINT portfolio_runs_state CHECK (state IN ('RUNNING', 'COMPLETED', 'FAILED')),
    CONSTRAINT portfolio_runs_finished CHECK ((state = 'RUNNING') = (finished_at IS NULL)),
    CONSTRAINT portfolio_runs_counts CHECK (done >= 0 AND fallback >= 0 AND skipped >= 0
        AND failed >= 0 AND done + fallback + skipped + failed <= buildings_total)
);

CREATE INDEX portfolio_runs_started ON portfolio_runs (started_at DESC);

-- portfolio_run_buildings: the buildings of a run that did not simply get their setpoint — FAILED
-- (after their retries) and SKIPPED, with the reason and the attempts made. DONE and FALLBACK
-- results are in optimization_results (origin and as_of of the run), so 10,000 buildings an hour
-- add rows only for their problems.
CREATE TABLE portfolio_run_buildings (
    portfolio_run bigint      NOT NULL REFERENCES portfolio_runs (id) ON DELETE CASCADE,
    building_id   text        NOT NULL,
    status        text        NOT NULL,
    reason        text        NOT NULL,
    attempts      integer     NOT NULL,
    -- the last attempt's failure was not worth a retry (an invalid configuration)
    retryable     boolean     NOT NULL,
    recorded_at   timestamptz NOT NULL,
    PRIMARY KEY (portfolio_run, building_id),
    CONSTRAINT portfolio_run_buildings_status CHECK (status IN ('FAILED', 'SKIPPED')),
    CONSTRAINT portfolio_run_buildings_attempts CHECK (attempts >= 1)
);

-- the fleet page's "failed in the latest run" filter
CREATE INDEX portfolio_run_buildings_building ON portfolio_run_buildings (building_id);
