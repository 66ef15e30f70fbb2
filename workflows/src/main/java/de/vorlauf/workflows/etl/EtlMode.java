package de.vorlauf.workflows.etl;

/** What a run of {@link NightlyEtlWorkflow} processes. */
public enum EtlMode {
  /** Every active building's last complete local day, plus its dirty days. */
  NIGHTLY,
  /** A building set over a date range chosen by ops (at most a year, within raw retention). */
  BACKFILL
}
