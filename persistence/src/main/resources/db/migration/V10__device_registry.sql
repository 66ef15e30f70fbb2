-- Vorlauf V10: the device registry. Numbers V10-V19 belong to the registry.

-- The source document's BuildingConfig beyond V1's columns. Area and year of construction have no
-- sane default and stay null until someone knows them; the optimisation parameters start at the
-- document's defaults (comfort 20-22 °C, night setback 22:00-06:00 by 3 K).
ALTER TABLE buildings
    ADD COLUMN area_m2                 double precision,
    ADD COLUMN year_built              integer,
    ADD COLUMN heating_circuits        integer          NOT NULL DEFAULT 1,
    ADD COLUMN has_dhw                 boolean          NOT NULL DEFAULT true,
    ADD COLUMN comfort_temp_min        double precision NOT NULL DEFAULT 20.0,
    ADD COLUMN comfort_temp_max        double precision NOT NULL DEFAULT 22.0,
    ADD COLUMN night_setback_enabled   boolean          NOT NULL DEFAULT true,
    ADD COLUMN night_setback_start     integer          NOT NULL DEFAULT 22,
    ADD COLUMN night_setback_end       integer          NOT NULL DEFAULT 6,
    ADD COLUMN night_setback_reduction double precision NOT NULL DEFAULT 3.0,
    ADD COLUMN active                  boolean          NOT NULL DEFAULT true,
    ADD COLUMN updated_at              timestamptz      NOT NULL DEFAULT now(),
    ADD CONSTRAINT buildings_area_positive CHECK (area_m2 IS NULL OR area_m2 > 0),
    ADD CONSTRAINT buildings_year_plausible CHECK (year_built IS NULL OR year_built BETWEEN 1000 AND 2200),
    ADD CONSTRAINT buildings_circuits_positive CHECK (heating_circuits BETWEEN 1 AND 64),
    ADD CONSTRAINT buildings_comfort_ordered CHECK (comfort_temp_min <= comfort_temp_max),
    ADD CONSTRAINT buildings_setback_hours CHECK (night_setback_start BETWEEN 0 AND 23
        AND night_setback_end BETWEEN 0 AND 23),
    ADD CONSTRAINT buildings_setback_reduction CHECK (night_setback_reduction BETWEEN 0 AND 15);

CREATE INDEX buildings_name_idx ON buildings (lower(name));

ALTER TABLE devices
    ADD COLUMN description text,
    ADD COLUMN updated_at  timestamptz NOT NULL DEFAULT now();

-- A device's secrets. The token itself is never stored: token_sha256 finds the credential of a
-- bearer token (the token carries 256 random bits, so a fast hash is as safe as a slow one here:
-- nobody can enumerate the input space), mosquitto_hash is the same secret in mosquitto_passwd's
-- "$7$" PBKDF2-SHA512 form, so the broker's password file can be generated from this table.
-- A credential is valid while revoked_at is null and expires_at (set by a rotation with overlap)
-- is null or in the future.
CREATE TABLE device_credentials (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    device_id      text        NOT NULL REFERENCES devices (id),
    token_hint     text        NOT NULL,
    token_sha256   bytea       NOT NULL,
    mosquitto_hash text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text        NOT NULL,
    expires_at     timestamptz,
    revoked_at     timestamptz,
    revoked_by     text,
    CONSTRAINT device_credentials_sha256_length CHECK (octet_length(token_sha256) = 32),
    CONSTRAINT device_credentials_mosquitto_format CHECK (mosquitto_hash LIKE '$7$%')
);

CREATE UNIQUE INDEX device_credentials_token_key ON device_credentials (token_sha256);
CREATE INDEX device_credentials_device_idx ON device_credentials (device_id);
