package de.vorlauf.worker.config;

import de.vorlauf.domain.config.WorkerVars;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the worker's health and metrics endpoints listen, and when readiness calls ingestion stuck.
 *
 * @param bindAddress the address of {@code /health*} and {@code /metrics}: loopback unless an
 *     operator opens it (no authentication there)
 * @param ackStallAfter an MQTT lane with messages in flight and no acknowledgement for this long
 *     makes the worker not ready
 */
public record HealthConfig(String bindAddress, Duration ackStallAfter) {

  public HealthConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(ackStallAfter, "ackStallAfter");
  }

  public static HealthConfig defaults() {
    return new HealthConfig(
        WorkerVars.HEALTH_BIND.defaultValue(), WorkerVars.ACK_STALL.defaultValue());
  }

  public HealthConfig withAckStallAfter(Duration value) {
    return new HealthConfig(bindAddress, value);
  }
}
