package de.vorlauf.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Free TCP ports on the loopback interface for tests and auxiliary listeners. A port handed out
 * once is not handed out again by this JVM, so two services asking in a row never collide.
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

  /** True if nothing listens on 127.0.0.1:port and we may bind it. */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int probe() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a socket on 127.0.0.1", e);
    }
  }
}
