package de.vorlauf.devstack.service;

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
 * <p>Ports come from 20000–32767, below Linux's ephemeral range (32768–60999): a port from that
 * range, free when probed, could become the local port of any outgoing connection (a JDBC pool
 * opening, a browser starting) before the service binds it — measured as a Temporal dev server
 * failing with "address already in use" in a full test run.
 */
public final class FreePorts {

  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private FreePorts() {}

  /** A port that is free on 127.0.0.1 right now and was not returned before in this JVM. */
  public static synchronized int find() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = probe();
      if (HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free TCP port found on 127.0.0.1 after 50 attempts");
  }

  /**
   * Marks ports chosen elsewhere (WildFly's, from its offset) as handed out, so {@link #find()}
   * never returns them; false when one of them was handed out already.
   */
  public static synchronized boolean reserve(int... ports) {
    for (int port : ports) {
      if (HANDED_OUT.contains(port)) {
        return false;
      }
    }
    for (int port : ports) {
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

  static final int LOWEST = 20_000;
  static final int HIGHEST = 32_767;

  private static int probe() {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST + 1);
      if (isFree(port)) {
        return port;
      }
    }
    throw new IllegalStateException(
        "no free TCP port between " + LOWEST + " and " + HIGHEST + " on 127.0.0.1");
  }
}
