package de.vorlauf.webadmin.health;

import de.vorlauf.webadmin.probe.ServiceCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** A status-page probe as a readiness check: up or down, with the probe's sentence and facts. */
final class ServiceReadiness {

  private ServiceReadiness() {}

  static HealthCheckResponse of(String name, ServiceCheck check) {
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named(name).status(check.up()).withData("detail", check.detail());
    check.facts().forEach(response::withData);
    return response.build();
  }
}
