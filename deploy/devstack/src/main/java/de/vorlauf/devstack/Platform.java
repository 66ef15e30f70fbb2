package de.vorlauf.devstack;

import de.vorlauf.devstack.process.Readiness;
import de.vorlauf.devstack.service.RunningService;
import de.vorlauf.devstack.service.StateDir;
import de.vorlauf.devstack.supervision.ProcessStatus;
import de.vorlauf.devstack.supervision.RestartPolicy;
import de.vorlauf.devstack.supervision.SupervisionFiles;
import de.vorlauf.devstack.supervision.Supervisor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What one launcher run started, in start order; closing stops it all in reverse order. */
public final class Platform implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

  private final List<RunningService> services = new ArrayList<>();
  private final List<AutoCloseable> afterServices = new ArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private boolean closing;
  private Supervisor supervisor;
  private Thread watchdog;

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
   * Supervises the child processes from now on: one that ends by itself (a crash, an OOM kill) is
   * started again after a backoff, within {@code limits} ({@link Supervisor}); {@code onChange}
   * gets the supervisor's view after every change. Checks every {@code interval}; restart requests
   * left in the state folder ({@code deploy/vorlauf restart}) are served in the same loop.
   */
  public Supervisor supervise(
      StateDir state,
      RestartPolicy.Limits limits,
      Duration interval,
      Consumer<List<ProcessStatus>> onChange) {
    Supervisor created =
        new Supervisor(this::services, this::isClosing, limits, Clock.systemUTC(), onChange);
    Thread thread =
        new Thread(
            () -> {
              while (!isClosing()) {
                try {
                  created.tick();
                  SupervisionFiles.serveRequests(state, name -> answer(created, name));
                  Readiness.sleep(interval);
                } catch (RuntimeException e) {
                  if (!isClosing()) {
                    LOG.error("Supervision pass failed", e);
                  }
                }
              }
            },
            "vorlauf-supervisor");
    thread.setDaemon(true);
    synchronized (this) {
      supervisor = created;
      watchdog = thread;
    }
    thread.start();
    return created;
  }

  private static String answer(Supervisor supervisor, String service) {
    try {
      return "ok " + supervisor.restart(service);
    } catch (RuntimeException e) {
      return "error " + e.getMessage();
    }
  }

  /** The supervisor's view of each process; empty before {@link #supervise}. */
  public synchronized List<ProcessStatus> processStatuses() {
    return supervisor == null ? List.of() : supervisor.statuses();
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
      if (watchdog != null) {
        // a restart under way gives up its readiness wait at once
        watchdog.interrupt();
      }
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
