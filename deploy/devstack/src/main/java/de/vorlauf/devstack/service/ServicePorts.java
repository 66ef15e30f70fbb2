package de.vorlauf.devstack.service;

/** Checks on the ports our services listen on. */
public final class ServicePorts {

  private ServicePorts() {}

  /** Fails with a message a person can act on when something already listens on {@code port}. */
  public static void requireFree(int port, String service) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(service + " port " + port + " is not a TCP port");
    }
    if (!FreePorts.isFree(port)) {
      throw new IllegalStateException(
          "Port "
              + port
              + " for "
              + service
              + " is already in use on 127.0.0.1. Stop the program"
              + " using it (e.g. `ss -ltnp | grep :"
              + port
              + "`) or choose another port.");
    }
  }
}
