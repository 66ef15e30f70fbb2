package de.vorlauf.devstack;

import de.vorlauf.devstack.process.Readiness;
import de.vorlauf.devstack.process.Supervised;
import de.vorlauf.devstack.service.RunningService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What one launcher run started, in start order; closing stops it all in reverse order. */
public final class Platform implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

  private final List<RunningService> services = new ArrayList<>();
  private final List<AutoCloseable> afterServices = new ArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private boolean closing;

  synchronized <T extends RunningService> T add(T service) {
    services.add(service);
    return service;
  }

  /** Released after all services stopped (e.g. the launcher lock). */
  synchronized void closeLast(AutoCloseable resource) {
    afterServices.add(resource);
  }

  public synchronized List<RunningService> services() {
    return List.copyOf(services);
  }

  public synchronized <T extends RunningService> Optional<T> service(Class<T> type) {
    return services.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /**
   * Watches the child processes and says so, once each, when one of them ends by itself (a crash,
   * an OOM kill). The rest keeps running; the status page shows what is down.
   */
  public void watch(Duration interval) {
    Thread watchdog =
        new Thread(
            () -> {
              Set<RunningService> reported = new HashSet<>();
              while (!isClosing()) {
                for (RunningService service : services()) {
                  if (service instanceof Supervised supervised && !reported.contains(service)) {
                    String exit = supervised.unexpectedExit();
                    if (exit != null && !isClosing()) {
                      reported.add(service);
                      LOG.error("{} stopped unexpectedly: {}", service.name(), exit);
                    }
                  }
                }
                Readiness.sleep(interval);
              }
            },
            "vorlauf-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private synchronized boolean isClosing() {
    return closing;
  }

  /** Blocks until {@link #close()} has finished. */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  @Override
  public void close() {
    List<RunningService> toStop;
    List<AutoCloseable> toRelease;
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
      toStop = new ArrayList<>(services);
      toRelease = new ArrayList<>(afterServices);
    }
    LOG.info("Stopping Vorlauf");
    for (int i = toStop.size() - 1; i >= 0; i--) {
      closeQuietly(toStop.get(i));
    }
    toRelease.forEach(Platform::closeQuietly);
    LOG.info("Vorlauf stopped");
    closed.countDown();
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      LOG.warn("Could not stop {} cleanly: {}", resource, e.toString());
    }
  }
}
