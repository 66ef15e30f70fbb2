package de.vorlauf.testsupport;

import de.vorlauf.devstack.service.FreePorts;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one source of test ports: free loopback ports below Linux's ephemeral range (devstack's
 * {@link FreePorts}, 20000–32767, the root pom's {@code test.ports.lowest/highest}), never one that
 * the build fixed for this JVM (every {@code it.*.port} system property, e.g. web-admin's WildFly
 * ports, some of which nothing binds until later).
 */
public final class TestPorts {

  /** The build's ports of this JVM, by property name, that another process claimed first. */
  private static final Map<String, Integer> CLAIMED_ELSEWHERE = new TreeMap<>();

  static {
    buildPorts()
        .forEach(
            (name, port) -> {
              if (!FreePorts.reserve(port)) {
                CLAIMED_ELSEWHERE.put(name, port);
              }
            });
  }

  private TestPorts() {}

  /**
   * Makes sure the build's ports are reserved before anything in this JVM asks devstack's {@link
   * FreePorts} (as the services' {@code forTest} options do): loading this class does it.
   */
  static void reserveBuildPorts() {}

  /**
   * Fails, naming them, when any of the build's ports of this JVM ({@code it.*.port}) is claimed by
   * another test JVM or listened on by any process: for tests whose services the build points at
   * those ports, better than a service failing to bind or a test reaching a stranger.
   *
   * @throws IllegalStateException with each taken port and where the build sets it
   */
  public static void requireBuildPortsFree() {
    Map<String, Integer> taken = new TreeMap<>(CLAIMED_ELSEWHERE);
    buildPorts()
        .forEach(
            (name, port) -> {
              if (!FreePorts.isFree(port)) {
                taken.put(name, port);
              }
            });
    if (!taken.isEmpty()) {
      List<String> names =
          taken.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
      throw new IllegalStateException(
          "ports the build set for this test JVM are in use by another process: "
              + names
              + " (the module's pom.xml sets them; stop what holds them or change the block)");
    }
  }

  /** The build's ports of this JVM: every numeric {@code it.*.port} system property, by name. */
  private static Map<String, Integer> buildPorts() {
    Map<String, Integer> ports = new TreeMap<>();
    for (String name : System.getProperties().stringPropertyNames()) {
      String value = System.getProperty(name);
      if (name.startsWith("it.") && name.endsWith(".port") && value.matches("\\d+")) {
        ports.put(name, Integer.parseInt(value));
      }
    }
    return ports;
  }

  /** A port free on 127.0.0.1 now, not handed out before in this JVM. */
  public static int free() {
    return FreePorts.find();
  }
}
