-- Vorlauf V170: API tokens for machine clients (issue 24; V170–V174 belong to API tokens).
--
-- A building-management system or gateway that asks POST /api/v1/optimize, or reads the API, sends
-- "Authorization: Bearer vlt_…" instead of an ops login. The secret (vlt_ + 32 random bytes,
-- base64url) is shown once when an admin creates the token and stored only as its SHA-256: 256
-- random bits leave nothing to guess, so a fast hash found by one index lookup is enough (see
-- ApiTokenSecret). A token carries scopes (which resources it may call), a required expiry, and is
-- revoked rather than deleted, so the audit log's "token:<name>" keeps meaning something.
--
-- last_used_at and use_count are written in batches by the WAR (every few seconds and when it
-- undeploys), not per request: they lag by that much, and a crashed WAR loses its unflushed uses.
CREATE TABLE api_tokens (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text        NOT NULL,
    token_sha256  bytea       NOT NULL,
    -- the secret's first characters (vlt_ + 4), to tell tokens apart in lists
    token_hint    text        NOT NULL,
    scopes        text[]      NOT NULL,
    expires_at    timestamptz NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    created_by    text        NOT NULL,
    revoked_at    timestamptz,
    revoked_by    text,
    last_used_at  timestamptz,
    use_count     bigint      NOT NULL DEFAULT 0,
    CONSTRAINT api_tokens_sha256 UNIQUE (token_sha256),
    CONSTRAINT api_tokens_sha256_length CHECK (octet_length(token_sha256) = 32),
    -- the scope vocabulary lives in the WAR (ApiTokenScope); here only: at least one
    CONSTRAINT api_tokens_scopes CHECK (cardinality(scopes) > 0),
    CONSTRAINT api_tokens_name CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9 ._:-]{0,79}$'),
    CONSTRAINT api_tokens_revoked CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)),
    CONSTRAINT api_tokens_use_count CHECK (use_count >= 0)
);

-- a name names one live token (the principal "token:<name>" in audit entries and predictions);
-- a revoked token's name is free again
CREATE UNIQUE INDEX api_tokens_live_name ON api_tokens (name) WHERE revoked_at IS NULL;
