package de.vorlauf.devstack;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stands in for WildFly's standalone.sh in {@link LauncherIT}: takes the same arguments, serves
 * /login.html and /health/ready on the offset ports, and records its environment.
 */
public final class FakeWildfly {

  private FakeWildfly() {}

  public static void main(String[] args) throws Exception {
    int offset = 0;
    Path baseDir = null;
    String bind = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("-Djboss.socket.binding.port-offset=")) {
        offset = Integer.parseInt(args[i].substring(args[i].indexOf('=') + 1));
      } else if (args[i].startsWith("-Djboss.server.base.dir=")) {
        baseDir = Path.of(args[i].substring(args[i].indexOf('=') + 1));
      } else if (args[i].equals("-b")) {
        bind = args[i + 1];
      }
    }
    if (!Files.exists(baseDir.resolve("deployments/ROOT.war"))
        || !Files.exists(baseDir.resolve("configuration/standalone.xml"))) {
      System.exit(4);
    }
    FakeWorker.writeEnvironment(baseDir.resolve("fake-wildfly.env"));
    serve(bind, 8080 + offset, "/login.html");
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
