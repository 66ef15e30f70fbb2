package de.vorlauf.testsupport;

import de.vorlauf.devstack.service.FreePorts;

/**
 * The one source of test ports: free loopback ports below Linux's ephemeral range (devstack's
 * {@link FreePorts}, 20000–32767, the root pom's {@code test.ports.lowest/highest}), never one that
 * Maven reserved for this JVM (every {@code it.*.port} system property, e.g. web-admin's WildFly
 * ports, some of which nothing binds until later).
 */
public final class TestPorts {

  static {
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("it.") && name.endsWith(".port"))
        .map(System::getProperty)
        .filter(value -> value.matches("\\d+"))
        .mapToInt(Integer::parseInt)
        .forEach(FreePorts::reserve);
  }

  private TestPorts() {}

  /**
   * Makes sure Maven's ports are reserved before anything in this JVM asks devstack's {@link
   * FreePorts} (as the services' {@code forTest} options do): loading this class does it.
   */
  static void reserveMavenPorts() {}

  /** A port free on 127.0.0.1 now, not handed out before in this JVM. */
  public static int free() {
    return FreePorts.find();
  }
}
