package de.vorlauf.persistence.ingest;

/** What ingestion needs to know about a registered device. */
public record DeviceInfo(String deviceId, String buildingId, boolean active) {}
