-- Vorlauf V175: real-time optimisations (issue 24, POST /api/v1/optimize).
--
-- The hourly, closed-loop and portfolio runs store one result per (building, as_of, origin): a
-- retried activity finds its first result instead of adding a second. A real-time call is not
-- retried by anyone but its client, and several clients may ask for the same building at the same
-- instant: each call is its own row, keyed by the request id the endpoint gives it. request_id is
-- '' (not NULL, so the unique key keeps comparing it) for every other origin, whose idempotency is
-- unchanged. caller is the authenticated principal (an admin login or an API token's name).
ALTER TABLE optimization_results
    ADD COLUMN request_id text NOT NULL DEFAULT '',
    ADD COLUMN caller     text;
ALTER TABLE optimization_results DROP CONSTRAINT optimization_results_key;
ALTER TABLE optimization_results
    ADD CONSTRAINT optimization_results_key UNIQUE (building_id, as_of, origin, request_id),
    ADD CONSTRAINT optimization_results_request
        CHECK ((origin = 'realtime') = (request_id <> '')),
    ADD CONSTRAINT optimization_results_caller CHECK (origin <> 'realtime' OR caller IS NOT NULL);

ALTER TABLE demand_predictions ADD COLUMN request_id text NOT NULL DEFAULT '';
DROP INDEX demand_predictions_key;
CREATE UNIQUE INDEX demand_predictions_key
    ON demand_predictions (building_id, target_hour, model, version, origin, as_of, request_id);
