package de.vorlauf.devstack.broker;

import de.vorlauf.devstack.service.Origin;

/** A broker configured through VORLAUF_MQTT_URL: we neither start nor stop it. */
public record ExternalBroker(String url) implements RunningBroker {

  @Override
  public Origin origin() {
    return Origin.EXTERNAL;
  }

  @Override
  public String label() {
    return "MQTT broker at " + url + " (configured)";
  }

  @Override
  public void stop() {}

  @Override
  public void start() {}

  @Override
  public void close() {}
}
