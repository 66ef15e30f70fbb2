package de.vorlauf.devstack.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls until a service answers, a process dies, or the time is up — with a clear message. */
public final class Readiness {

  private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Readiness() {}

  /**
   * Waits until {@code ready} is true. {@code deathNotice} returns null while the process behind
   * the service lives, else why it died; waiting stops at once then.
   */
  public static void await(
      String what, Duration timeout, BooleanSupplier ready, Supplier<String> deathNotice) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (true) {
      if (ready.getAsBoolean()) {
        LOG.debug("{} ready after {} ms", what, (System.nanoTime() - start) / 1_000_000);
        return;
      }
      String death = deathNotice.get();
      if (death != null) {
        throw new IllegalStateException(what + " did not become ready: " + death);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(what + " did not become ready within " + timeout);
      }
      sleep(POLL);
    }
  }

  public static boolean portOpen(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** HTTP status of a GET, or -1 when nothing answers. */
  public static int httpStatus(URI uri) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  public static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }
}
