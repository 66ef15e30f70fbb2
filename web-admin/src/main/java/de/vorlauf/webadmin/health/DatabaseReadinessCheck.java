package de.vorlauf.webadmin.health;

import de.vorlauf.webadmin.probe.DatabaseStatusProbe;
import de.vorlauf.webadmin.probe.ServiceCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers: without it the admin UI can show the status page but cannot
 * record or list workflows. Temporal and MQTT are left out on purpose, so that a load balancer
 * keeps the UI reachable to show what is down.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  @Inject DatabaseStatusProbe database;

  @Override
  public HealthCheckResponse call() {
    ServiceCheck check = database.check();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("vorlauf-database")
            .status(check.up())
            .withData("detail", check.detail());
    check.facts().forEach(response::withData);
    return response.build();
  }
}
