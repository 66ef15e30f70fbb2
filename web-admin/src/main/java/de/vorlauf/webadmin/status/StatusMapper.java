package de.vorlauf.webadmin.status;

import de.vorlauf.webadmin.config.ServiceOrigins;
import de.vorlauf.webadmin.probe.ServiceCheck;

/** Probe results to the services of the status page, with the launcher's origin labels. */
public final class StatusMapper {

  /** Shown when the launcher named no origin: the service was configured by the operator. */
  public static final String CONFIGURED = "configured (not started by Vorlauf)";

  private StatusMapper() {}

  public static ServiceDto toDto(ServiceCheck check, ServiceOrigins origins) {
    return new ServiceDto(
        check.name(),
        check.up(),
        origins.labelOf(check.name()).orElse(CONFIGURED),
        check.detail(),
        check.latencyMillis(),
        check.facts(),
        check.limits());
  }
}
