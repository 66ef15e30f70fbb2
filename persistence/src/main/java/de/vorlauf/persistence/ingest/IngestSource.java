package de.vorlauf.persistence.ingest;

import java.util.Locale;

/** How a message reached Vorlauf; stored with every quarantined part. */
public enum IngestSource {
  MQTT,
  REST,
  /** Polled from a vendor cloud by the IngestionPollingWorkflow's activities. */
  VENDOR;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static IngestSource fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
