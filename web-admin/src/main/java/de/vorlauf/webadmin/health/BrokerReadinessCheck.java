package de.vorlauf.webadmin.health;

import de.vorlauf.webadmin.probe.MqttProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the MQTT broker passes the status page's round trip: without it devices reach no
 * worker and setpoints no device, which ops must see before anything else.
 */
@Readiness
@ApplicationScoped
public class BrokerReadinessCheck implements HealthCheck {

  @Inject MqttProbe broker;

  @Override
  public HealthCheckResponse call() {
    return ServiceReadiness.of("vorlauf-broker", broker.check());
  }
}
