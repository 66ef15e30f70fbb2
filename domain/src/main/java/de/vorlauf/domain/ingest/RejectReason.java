package de.vorlauf.domain.ingest;

import java.util.Locale;

/**
 * Why a message or a reading was not stored. Every rule of the ingestion path has its own reason so
 * that quarantine counts tell ops which rule fires, and a device vendor which field to fix.
 */
public enum RejectReason {
  MALFORMED_JSON,
  MISSING_FIELD,
  WRONG_TYPE,
  INVALID_TIMESTAMP,
  UNKNOWN_DEVICE,
  INACTIVE_DEVICE,
  DEVICE_MISMATCH,
  UNKNOWN_SENSOR,
  UNKNOWN_UNIT,
  INVALID_QUALITY,
  NON_FINITE,
  OUT_OF_RANGE,
  FUTURE_TIMESTAMP,
  TOO_OLD;

  /** The code stored in the quarantine table and shown in the API, e.g. {@code out_of_range}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
