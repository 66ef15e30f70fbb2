package de.vorlauf.devstack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stands in for worker/target/vorlauf-worker.jar in {@link LauncherIT}: {@code migrate} writes a
 * row through the database settings it was given, {@code run} serves /health.
 */
public final class FakeWorker {

  private FakeWorker() {}

  public static void main(String[] args) throws Exception {
    Path workDir = Path.of("").toAbsolutePath();
    if (args[0].equals("migrate")) {
      if (Files.exists(workDir.resolve("fail-migrate"))) {
        System.exit(3);
      }
      recordRun();
      return;
    }
    writeEnvironment(workDir.resolve("fake-worker.env"));
    int port = Integer.parseInt(System.getenv("VORLAUF_WORKER_HEALTH_PORT"));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        "/health",
        exchange -> {
          byte[] body = "{\"status\":\"UP\"}".getBytes();
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    Thread.currentThread().join();
  }

  private static void recordRun() throws SQLException, IOException {
    String password = Files.readString(Path.of(System.getenv("VORLAUF_DB_PASSWORD_FILE"))).strip();
    try (Connection connection =
            DriverManager.getConnection(
                System.getenv("VORLAUF_DB_URL"), System.getenv("VORLAUF_DB_USER"), password);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS launcher_runs (at timestamptz)");
      statement.execute("INSERT INTO launcher_runs VALUES (now())");
    }
  }

  static void writeEnvironment(Path file) throws IOException {
    Map<String, String> env = new TreeMap<>();
    System.getenv()
        .forEach(
            (k, v) -> {
              if (k.startsWith("VORLAUF_") || k.startsWith("TEMPORAL_") || k.equals("JAVA_OPTS")) {
                env.put(k, v);
              }
            });
    StringBuilder text = new StringBuilder();
    env.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    Files.writeString(file, text);
  }
}
