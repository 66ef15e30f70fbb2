package de.vorlauf.ingest.pipeline;

import java.util.Map;

/**
 * Counters of one pipeline since its process started (the quarantine table keeps the persistent
 * per-reason counts, see {@link QuarantineStore#counts}).
 *
 * @param messages messages whose outcome is committed
 * @param readingsStored readings stored for the first time
 * @param readingsDuplicate readings already stored (redelivery, re-ingest), not stored again
 * @param rejectedByReason refused parts per reason code, every rule under its own code
 * @param quarantineStored refused parts written to the quarantine
 * @param quarantineDuplicate refused parts already in the quarantine (redelivery)
 * @param quarantineDropped refused parts not written because the quarantine was full
 */
public record IngestStats(
    long messages,
    long readingsStored,
    long readingsDuplicate,
    Map<String, Long> rejectedByReason,
    long quarantineStored,
    long quarantineDuplicate,
    long quarantineDropped) {

  public IngestStats {
    rejectedByReason = Map.copyOf(rejectedByReason);
  }

  public long rejected() {
    return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
  }
}
