-- Vorlauf V92: the buildings' time zone check without a scan of the time zone database per row.
--
-- V1's trigger looks every inserted or changed time zone up in pg_timezone_names, a view that
-- reads every zone file of the server on each call (about 20 ms here). It fires before the
-- conflict check, so also for INSERT ... ON CONFLICT DO NOTHING: creating 1,000 buildings took
-- 23-32 s in the fleet tests, and an operator's bulk creation pays the same. The check keeps its
-- meaning: a name is accepted when pg_timezone_names lists it. Names it listed when this migration
-- ran are kept in time_zone_names; for those the trigger only makes sure the server still loads the
-- zone (AT TIME ZONE, cached per session), which the zones pg_timezone_names leaves out (posixrules,
-- Factory, leap-second zones) are not in the table to pass. Anything else, a name added by a later
-- tzdata or none at all, takes the old lookup.
CREATE TABLE time_zone_names (
    name text PRIMARY KEY
);

INSERT INTO time_zone_names (name) SELECT name FROM pg_timezone_names ON CONFLICT DO NOTHING;

COMMENT ON TABLE time_zone_names IS
'The IANA zone names pg_timezone_names listed at V92: a fast path for the buildings time zone check.';

CREATE OR REPLACE FUNCTION vorlauf_check_time_zone() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF EXISTS (SELECT 1 FROM time_zone_names WHERE name = NEW.time_zone) THEN
        BEGIN
            PERFORM now() AT TIME ZONE NEW.time_zone;
            RETURN NEW;
        EXCEPTION WHEN invalid_parameter_value THEN
            NULL; -- no longer known to this server: the full lookup decides
        END;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = NEW.time_zone) THEN
        RAISE EXCEPTION 'time zone "%" of building "%" is not an IANA time zone id known to this server',
            NEW.time_zone, NEW.id
            USING ERRCODE = 'check_violation',
                  HINT = 'Use a region name such as Europe/Berlin (see pg_timezone_names).';
    END IF;
    RETURN NEW;
END;
$$;
