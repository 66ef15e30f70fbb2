package de.vorlauf.devstack.service;

import de.vorlauf.domain.config.LauncherVars;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on the loopback interface for tests and auxiliary listeners. A port handed out
 * once is not handed out again by this JVM, so two services asking in a row never collide.
 *
 * <p>Ports come from {@link #range()}: {@code VORLAUF_FREE_PORTS}, 20000–32767 by default, below
 * Linux's ephemeral range (32768–60999): a port from that range, free when probed, could become the
 * local port of any outgoing connection (a JDBC pool opening, a browser starting) before the
 * service binds it — measured as a Temporal dev server failing with "address already in use" in a
 * full test run. Every port handed out is also claimed machine-wide ({@link PortLocks}), so JVMs
 * probing at the same moment (test forks of one module, modules built side by side) never hand out
 * the same port; the build still gives each module's tests a range of its own.
 */
public final class FreePorts {

  private static final Set<Integer> HANDED_OUT = new HashSet<>();
  private static final PortLocks CLAIMS = PortLocks.machineWide();

  private FreePorts() {}

  /** A port that is free on 127.0.0.1 right now and was not returned before in this JVM. */
  public static synchronized int find() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = probe();
      if (!HANDED_OUT.contains(port) && CLAIMS.tryClaim(port)) {
        HANDED_OUT.add(port);
        return port;
      }
    }
    throw new IllegalStateException("no free TCP port found on 127.0.0.1 after 50 attempts");
  }

  /**
   * Marks ports chosen elsewhere (WildFly's, from its offset) as handed out, so {@link #find()}
   * never returns them; false when one of them was handed out already, by this JVM or another.
   * Ports claimed before a refusal stay claimed (unused, like any port handed out).
   */
  public static synchronized boolean reserve(int... ports) {
    for (int port : ports) {
      if (HANDED_OUT.contains(port)) {
        return false;
      }
    }
    for (int port : ports) {
      if (!CLAIMS.tryClaim(port)) {
        return false;
      }
      HANDED_OUT.add(port);
    }
    return true;
  }

  /** True if nothing listens on 127.0.0.1:port and we may bind it. */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A range of ports, both ends included. */
  public record Range(int lowest, int highest) {

    public Range {
      if (lowest < 1024 || highest > 65_535 || highest - lowest < 99) {
        throw new IllegalArgumentException(
            "a free-port range needs at least 100 unprivileged ports: " + lowest + "-" + highest);
      }
    }

    /** {@code lowest-highest}. */
    static Range parse(String text) {
      String[] ends = text.strip().split("-");
      if (ends.length != 2) {
        throw new IllegalArgumentException("not lowest-highest: " + text);
      }
      return new Range(Integer.parseInt(ends[0]), Integer.parseInt(ends[1]));
    }

    @Override
    public String toString() {
      return lowest + "-" + highest;
    }
  }

  private static Range configured;

  /**
   * The range this JVM draws from ({@code VORLAUF_FREE_PORTS}, read once).
   *
   * @throws IllegalStateException when the variable is set to something unusable
   */
  public static synchronized Range range() {
    if (configured == null) {
      configured = read(System.getenv(LauncherVars.FREE_PORTS.name()));
    }
    return configured;
  }

  static Range read(String text) {
    if (text == null || text.isBlank()) {
      return Range.parse(LauncherVars.FREE_PORTS.defaultValue());
    }
    try {
      return Range.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          LauncherVars.FREE_PORTS.name() + "=" + text + " is unusable: " + e.getMessage(), e);
    }
  }

  private static int probe() {
    Range range = range();
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(range.lowest(), range.highest() + 1);
      if (isFree(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free TCP port in " + range + " on 127.0.0.1");
  }
}
