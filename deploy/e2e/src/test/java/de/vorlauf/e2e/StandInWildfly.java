package de.vorlauf.e2e;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;

/**
 * Stands in for WildFly's standalone.sh in {@link WorkerSupervisionIT}, which is about the worker:
 * answers the launcher's readiness check on the offset management port and the admin URL, in a 64
 * MB JVM instead of a whole application server.
 */
public final class StandInWildfly {

  private StandInWildfly() {}

  public static void main(String[] args) throws Exception {
    int offset = 0;
    String bind = "127.0.0.1";
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("-Djboss.socket.binding.port-offset=")) {
        offset = Integer.parseInt(args[i].substring(args[i].indexOf('=') + 1));
      } else if (args[i].equals("-b")) {
        bind = args[i + 1];
      }
    }
    serve(bind, 8080 + offset, "/");
    serve(bind, 9990 + offset, "/health/ready");
    Thread.currentThread().join();
  }

  private static void serve(String bind, int port, String path) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 0);
    server.createContext(
        path,
        exchange -> {
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }
}
