-- Vorlauf V70: the audit log of operator actions (issue 11).
--
-- One row per mutation an operator asked for through the API or the UI: who, when, what, on which
-- object, the reason given where one was asked, and how it ended. Later capabilities (pause,
-- approve, abort, terminate, ...) write here too.
--
-- Append-only. The application connects as the owner of the schema (V1 sets up no separate roles),
-- and an owner keeps UPDATE and DELETE whatever is revoked, so triggers refuse them instead; they
-- also refuse TRUNCATE. Removing old rows is a decision for a migration (which may drop and recreate
-- the trigger around it), never something the application can do.
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    object_type text,
    object_id   text,
    reason      text,
    -- succeeded, refused (the request was wrong or not allowed) or failed (the server could not)
    outcome     text        NOT NULL,
    http_status integer,
    detail      text,
    -- 'ui' when the admin UI sent the request, 'api' for any other client
    client      text        NOT NULL DEFAULT 'api',
    CONSTRAINT audit_log_outcome_known CHECK (outcome IN ('succeeded', 'refused', 'failed')),
    CONSTRAINT audit_log_reason_length CHECK (char_length(reason) <= 1000),
    CONSTRAINT audit_log_detail_length CHECK (char_length(detail) <= 4000)
);

CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_object_idx ON audit_log (object_type, object_id, at DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, at DESC);

CREATE FUNCTION vorlauf_audit_log_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Audit entries are never changed or removed by the application.';
END;
$$;

CREATE TRIGGER audit_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION vorlauf_audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION vorlauf_audit_log_append_only();
