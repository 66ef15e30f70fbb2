-- Vorlauf V130: the model registry (issue 21).
--
-- Registered models, their versions (each from one successful experiment run, with a snapshot of
-- its metrics), the aliases champion and challenger, and an append-only log of every change. The
-- rules that keep stages and aliases consistent live in one place (domain.models.ModelRules); the
-- partial unique indexes below hold the two that the schema can state, against any bug.

CREATE TABLE registered_models (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL,
    description text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT registered_models_name_unique UNIQUE (name),
    CONSTRAINT registered_models_name_format CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,99}$')
);

CREATE TABLE model_versions (
    model_id    bigint      NOT NULL REFERENCES registered_models (id),
    version     integer     NOT NULL,
    -- no cascade: a run that became a version is never removed under it
    run_id      bigint      NOT NULL REFERENCES experiment_runs (id),
    -- the run's single-valued metrics when it was registered
    metrics     jsonb       NOT NULL DEFAULT '{}',
    description text,
    tags        jsonb       NOT NULL DEFAULT '{}',
    stage       text        NOT NULL DEFAULT 'NONE',
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text        NOT NULL,
    CONSTRAINT model_versions_pk PRIMARY KEY (model_id, version),
    -- a retried registration of the same run finds its version instead of adding one
    CONSTRAINT model_versions_run_unique UNIQUE (model_id, run_id),
    CONSTRAINT model_versions_version_positive CHECK (version >= 1),
    CONSTRAINT model_versions_stage_known
        CHECK (stage IN ('NONE', 'STAGING', 'PRODUCTION', 'ARCHIVED'))
);

-- champion <=> Production, one challenger in Staging: at most one version of each
CREATE UNIQUE INDEX model_versions_one_production ON model_versions (model_id)
    WHERE stage = 'PRODUCTION';
CREATE UNIQUE INDEX model_versions_one_staging ON model_versions (model_id)
    WHERE stage = 'STAGING';
CREATE INDEX model_versions_run_idx ON model_versions (run_id);

CREATE TABLE model_aliases (
    model_id bigint      NOT NULL,
    alias    text        NOT NULL,
    version  integer     NOT NULL,
    set_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT model_aliases_pk PRIMARY KEY (model_id, alias),
    CONSTRAINT model_aliases_version_fk FOREIGN KEY (model_id, version)
        REFERENCES model_versions (model_id, version),
    CONSTRAINT model_aliases_known CHECK (alias IN ('champion', 'challenger'))
);

-- Every stage and alias change: who, when, why, on whose authority, with the evidence (the run's
-- numbers on registration; a promotion's gate results once promotion exists).
CREATE TABLE model_registry_log (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model_id   bigint      NOT NULL REFERENCES registered_models (id),
    version    integer     NOT NULL,
    at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor      text        NOT NULL,
    change     text        NOT NULL,
    alias      text,
    from_stage text,
    to_stage   text        NOT NULL,
    reason     text        NOT NULL,
    authority  text        NOT NULL,
    evidence   jsonb       NOT NULL DEFAULT '{}',
    CONSTRAINT model_registry_log_version_fk FOREIGN KEY (model_id, version)
        REFERENCES model_versions (model_id, version),
    CONSTRAINT model_registry_log_change_known
        CHECK (change IN ('REGISTERED', 'ALIAS_SET', 'ALIAS_CLEARED', 'STAGE_CHANGED')),
    CONSTRAINT model_registry_log_reason_length CHECK (char_length(reason) BETWEEN 1 AND 1000)
);

CREATE INDEX model_registry_log_model_idx ON model_registry_log (model_id, id DESC);

-- Append-only for the application. The application connects as the owner of the schema (the
-- launcher's bootstrap creates one role, vorlauf, owning the database; V1 adds none), and an owner
-- keeps UPDATE and DELETE whatever is revoked from it: it may grant them back to itself. So, as
-- for audit_log (V70), triggers refuse UPDATE, DELETE and TRUNCATE for every role but a superuser
-- who drops them in a migration; the REVOKE states the intent and holds on its own for any role
-- that is not the owner (a read-only reporting role, a future application role).
CREATE FUNCTION vorlauf_model_registry_log_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'model_registry_log is append-only: % is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Registry history is never changed or removed by the application.';
END;
$$;

CREATE TRIGGER model_registry_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON model_registry_log
    FOR EACH ROW EXECUTE FUNCTION vorlauf_model_registry_log_append_only();

CREATE TRIGGER model_registry_log_no_truncate
    BEFORE TRUNCATE ON model_registry_log
    FOR EACH STATEMENT EXECUTE FUNCTION vorlauf_model_registry_log_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON model_registry_log FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON model_registry_log FROM CURRENT_USER;
