-- Vorlauf V150: what the optimiser decided and the demand prediction it used (issue 22).
--
-- demand_predictions: one heat-demand forecast of one model version for one building and target
-- hour, made at as_of from inputs that end at issued_at (the whole hour before, as in training);
-- the live-performance monitor joins it with the heat power measured later (building_features)
-- on (building_id, target_hour).
CREATE TABLE demand_predictions (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    building_id    text             NOT NULL,
    model          text             NOT NULL,
    version        integer          NOT NULL,
    as_of          timestamptz      NOT NULL,
    issued_at      timestamptz      NOT NULL,
    target_hour    timestamptz      NOT NULL,
    predicted_kw   double precision NOT NULL,
    -- the model's typical error in kW (its holdout MAE); NULL when the run did not record one
    uncertainty_kw double precision,
    origin         text             NOT NULL,
    created_at     timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT demand_predictions_version_positive CHECK (version >= 1),
    CONSTRAINT demand_predictions_finite CHECK (predicted_kw <> 'NaN'::double precision
        AND predicted_kw <> 'Infinity'::double precision
        AND predicted_kw <> '-Infinity'::double precision)
);

-- the key of a retried store (one prediction per optimisation: two optimisations in one hour may
-- know different readings), and the monitor's read: a building's predictions over a range
CREATE UNIQUE INDEX demand_predictions_key
    ON demand_predictions (building_id, target_hour, model, version, origin, as_of);
-- retention deletes by age
CREATE INDEX demand_predictions_issued_idx ON demand_predictions (issued_at);

-- optimization_results: one optimisation of one building at one "as of" instant per origin
-- (hourly, closed-loop, realtime…). The unique key makes a retried activity find its result
-- instead of adding a second one.
CREATE TABLE optimization_results (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    building_id           text             NOT NULL,
    as_of                 timestamptz      NOT NULL,
    origin                text             NOT NULL,
    recommended_flow_c    double precision NOT NULL,
    recommended_room_c    double precision NOT NULL,
    send_room_setpoint    boolean          NOT NULL,
    baseline_flow_c       double precision,
    predicted_savings_pct double precision NOT NULL,
    confidence            double precision NOT NULL,
    binding_constraints   text[]           NOT NULL DEFAULT '{}',
    violated_constraints  text[]           NOT NULL DEFAULT '{}',
    valid_until           timestamptz      NOT NULL,
    fallback              text,
    fallback_reason       text,
    -- why no prediction was made (no model version, missing inputs, a model error); NULL with one
    prediction_missing    text,
    model                 text,
    model_version         integer,
    -- survives the prediction's retention: a result older than it keeps naming its model
    prediction_id         bigint REFERENCES demand_predictions (id) ON DELETE SET NULL,
    published_command_id  text,
    published_at          timestamptz,
    created_at            timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT optimization_results_key UNIQUE (building_id, as_of, origin),
    CONSTRAINT optimization_results_confidence_range CHECK (confidence >= 0 AND confidence <= 1),
    CONSTRAINT optimization_results_fallback_reason
        CHECK ((fallback IS NULL) = (fallback_reason IS NULL)),
    CONSTRAINT optimization_results_origin_format CHECK (origin ~ '^[a-z][a-z0-9-]{0,39}$')
);

-- the unique key's index serves "latest per building" (backward scan) and a building's range;
-- retention deletes by age
CREATE INDEX optimization_results_as_of_idx ON optimization_results (as_of);
CREATE INDEX optimization_results_prediction_idx ON optimization_results (prediction_id)
    WHERE prediction_id IS NOT NULL;
