-- Vorlauf V80: log levels an admin set at run time (issue 14 item 3).
--
-- One row per process kind and logger: the level that kind of process applies on top of its
-- configured ones. Workers read the rows for 'worker' every VORLAUF_LOG_LEVEL_POLL; the admin WAR
-- applies the 'wildfly' rows when they change and when it deploys. Deleting a row resets that
-- logger to its configured level. Who changed what, and why, is in audit_log (action logLevel.*).
CREATE TABLE log_level (
    target  text        NOT NULL,
    logger  text        NOT NULL,
    level   text        NOT NULL,
    set_by  text        NOT NULL,
    set_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (target, logger),
    CONSTRAINT log_level_target_known CHECK (target IN ('worker', 'wildfly')),
    CONSTRAINT log_level_level_known CHECK (level IN ('TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'OFF')),
    -- a logger name: dotted Java identifiers, or ROOT
    CONSTRAINT log_level_logger_name CHECK (logger ~ '^[A-Za-z_$][A-Za-z0-9_$.\-]{0,199}$')
);
