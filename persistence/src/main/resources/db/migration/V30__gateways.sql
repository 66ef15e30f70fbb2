-- Vorlauf V30: gateways. Numbers V30-V39 belong to the fleet (issue 4).
--
-- A gateway is one MQTT login that publishes for many devices (10,000 buildings need no 10,000
-- connections): its user name is the gateway id, and the generated broker ACL lets it use the
-- topics of exactly the active devices assigned to it (devices.gateway_id).

CREATE TABLE gateways (
    id          text PRIMARY KEY,
    description text,
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    -- the id is an MQTT user name and appears in ACL lines: the registry's id format, so it can
    -- hold no '+', '#', '/', ':' or line break
    CONSTRAINT gateways_id_format CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$')
);

-- Same shape and rules as device_credentials (see V10): the token is kept only as SHA-256 and in
-- mosquitto_passwd's "$7$" form; valid while revoked_at is null and expires_at is null or ahead.
CREATE TABLE gateway_credentials (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    gateway_id     text        NOT NULL REFERENCES gateways (id),
    token_hint     text        NOT NULL,
    token_sha256   bytea       NOT NULL,
    mosquitto_hash text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text        NOT NULL,
    expires_at     timestamptz,
    revoked_at     timestamptz,
    revoked_by     text,
    CONSTRAINT gateway_credentials_sha256_length CHECK (octet_length(token_sha256) = 32),
    CONSTRAINT gateway_credentials_mosquitto_format CHECK (mosquitto_hash LIKE '$7$%')
);

CREATE UNIQUE INDEX gateway_credentials_token_key ON gateway_credentials (token_sha256);
CREATE INDEX gateway_credentials_gateway_idx ON gateway_credentials (gateway_id);

ALTER TABLE devices ADD COLUMN gateway_id text REFERENCES gateways (id);

CREATE INDEX devices_gateway_idx ON devices (gateway_id) WHERE gateway_id IS NOT NULL;

-- One namespace of MQTT user names: a device and a gateway with the same id would share one
-- login line in the broker's password file. Every device and gateway id claims its name here; the
-- primary key makes two claims of one name exclude each other even when two transactions race
-- (the second insert waits for the first to commit), which a check by query in a trigger alone
-- would not. Maintained only by the triggers below.
CREATE TABLE mqtt_user_names (
    name text PRIMARY KEY,
    kind text NOT NULL,
    CONSTRAINT mqtt_user_names_kind_known CHECK (kind IN ('device', 'gateway'))
);

INSERT INTO mqtt_user_names (name, kind) SELECT id, 'device' FROM devices;

-- TG_ARGV[0]: 'device' or 'gateway'. An AFTER trigger, so that a duplicate id of the same kind
-- is still reported by the table's own primary key (which has run by then).
CREATE FUNCTION vorlauf_claim_mqtt_user_name() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    claimed integer;
    holder  text;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM mqtt_user_names WHERE name = OLD.id AND kind = TG_ARGV[0];
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    INSERT INTO mqtt_user_names (name, kind) VALUES (NEW.id, TG_ARGV[0])
    ON CONFLICT (name) DO NOTHING;
    GET DIAGNOSTICS claimed = ROW_COUNT;
    IF claimed = 0 THEN
        SELECT kind INTO holder FROM mqtt_user_names WHERE name = NEW.id;
        -- a claim of the same kind: the row's own table has checked its primary key already
        IF holder = TG_ARGV[0] THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'the id "%" is taken by a %: devices and gateways share one namespace of MQTT user names',
            NEW.id, holder
            USING ERRCODE = 'unique_violation',
                  CONSTRAINT = 'mqtt_user_names_pkey',
                  HINT = 'Choose another id for the new ' || TG_ARGV[0] || '.';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER devices_claim_mqtt_user_name
    AFTER INSERT OR DELETE OR UPDATE OF id ON devices
    FOR EACH ROW EXECUTE FUNCTION vorlauf_claim_mqtt_user_name('device');

CREATE TRIGGER gateways_claim_mqtt_user_name
    AFTER INSERT OR DELETE OR UPDATE OF id ON gateways
    FOR EACH ROW EXECUTE FUNCTION vorlauf_claim_mqtt_user_name('gateway');

-- TRUNCATE fires no row triggers: release every name of the truncated kind.
CREATE FUNCTION vorlauf_release_mqtt_user_names() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    DELETE FROM mqtt_user_names WHERE kind = TG_ARGV[0];
    RETURN NULL;
END;
$$;

CREATE TRIGGER devices_release_mqtt_user_names
    AFTER TRUNCATE ON devices
    FOR EACH STATEMENT EXECUTE FUNCTION vorlauf_release_mqtt_user_names('device');

CREATE TRIGGER gateways_release_mqtt_user_names
    AFTER TRUNCATE ON gateways
    FOR EACH STATEMENT EXECUTE FUNCTION vorlauf_release_mqtt_user_names('gateway');
