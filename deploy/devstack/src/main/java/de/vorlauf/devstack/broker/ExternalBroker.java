package de.vorlauf.devstack.broker;

import de.vorlauf.devstack.service.ExternalService;

/** A broker configured through VORLAUF_MQTT_URL: we neither start nor stop it. */
public record ExternalBroker(String url) implements RunningBroker, ExternalService {

  @Override
  public String label() {
    return "MQTT broker at " + url + " (configured)";
  }
}
