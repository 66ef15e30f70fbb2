package de.vorlauf.webadmin.health;

import de.vorlauf.webadmin.probe.DatabaseStatusProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers: without it the admin UI can show the status page but cannot
 * record or list workflows. Temporal and the broker have their own checks ({@link
 * TemporalReadinessCheck}, {@link BrokerReadinessCheck}), so a not-ready answer names each.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  @Inject DatabaseStatusProbe database;

  @Override
  public HealthCheckResponse call() {
    return ServiceReadiness.of("vorlauf-database", database.check());
  }
}
