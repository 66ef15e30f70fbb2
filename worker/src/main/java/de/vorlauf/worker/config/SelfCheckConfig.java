package de.vorlauf.worker.config;

import de.vorlauf.domain.config.EnvReader;
import de.vorlauf.domain.config.WorkerVars;
import de.vorlauf.ingest.progress.IngestionThresholds;
import java.time.Duration;
import java.util.Objects;

/**
 * When the platform self-check calls ingestion behind and a vendor installation lagging.
 *
 * @param ingestion the ingestion probe's thresholds (its stall time is VORLAUF_WORKER_ACK_STALL,
 *     the same as readiness')
 * @param vendorLagMax an installation whose newest stored reading is older is named lagging
 */
public record SelfCheckConfig(IngestionThresholds ingestion, Duration vendorLagMax) {

  public SelfCheckConfig {
    Objects.requireNonNull(ingestion, "ingestion");
    Objects.requireNonNull(vendorLagMax, "vendorLagMax");
  }

  public static SelfCheckConfig defaults() {
    return new SelfCheckConfig(
        IngestionThresholds.defaults(), WorkerVars.SELFCHECK_VENDOR_LAG_MAX.defaultValue());
  }

  static SelfCheckConfig read(EnvReader env) {
    return new SelfCheckConfig(
        IngestionThresholds.read(env), env.get(WorkerVars.SELFCHECK_VENDOR_LAG_MAX));
  }
}
