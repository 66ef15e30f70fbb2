-- Vorlauf V63: what devices say about themselves in their messages' "metadata" (the source
-- document's firmware_version and signal_strength), the latest report per device with its arrival
-- time. Written by ingestion with the device status; shown with the device in the registry API.
CREATE TABLE device_metadata (
    device_id        text        PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
    firmware_version text,
    signal_strength  integer,
    reported_at      timestamptz NOT NULL,
    CONSTRAINT device_metadata_firmware_short CHECK (octet_length(firmware_version) <= 256)
);
