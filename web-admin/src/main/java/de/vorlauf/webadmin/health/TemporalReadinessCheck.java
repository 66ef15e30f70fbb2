package de.vorlauf.webadmin.health;

import de.vorlauf.webadmin.probe.TemporalProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when Temporal answers: without it the admin UI can start, signal or inspect no workflow.
 * The status page stays reachable on a not-ready server (readiness only steers load balancers).
 */
@Readiness
@ApplicationScoped
public class TemporalReadinessCheck implements HealthCheck {

  @Inject TemporalProbe temporal;

  @Override
  public HealthCheckResponse call() {
    return ServiceReadiness.of("vorlauf-temporal", temporal.check());
  }
}
