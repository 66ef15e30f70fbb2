package de.vorlauf.devstack.supervision;

import de.vorlauf.devstack.process.Supervised;
import de.vorlauf.devstack.service.Origin;
import de.vorlauf.devstack.service.RunningService;
import de.vorlauf.devstack.supervision.ProcessStatus.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a process of the launcher's again when it dies by itself (a crash, an OOM kill, a
 * SIGKILL): after a backoff delay, at most {@link RestartPolicy.Limits#maxRestarts()} times within
 * the window, then it gives up and says so. Every restart is logged with the exit code or signal.
 * Services stopped on purpose ({@code RunningService#stop()}, the launcher closing) are never
 * restarted: a stopped service reports no exit. {@link #tick()} is one pass; the launcher calls it
 * every second from one thread, which is the only thread that changes the state here.
 */
public final class Supervisor {

  private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);

  /** Why a restart that ops asked for happened (status, status page). */
  public static final String REQUESTED = "requested (deploy/vorlauf restart)";

  private final Supplier<List<RunningService>> services;
  private final BooleanSupplier closing;
  private final RestartPolicy.Limits limits;
  private final Clock clock;
  private final Consumer<List<ProcessStatus>> onChange;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private volatile List<ProcessStatus> snapshot = List.of();

  /**
   * @param services what the launcher started, in start order
   * @param closing true once the launcher stops: nothing is restarted from then on
   * @param onChange gets the new state after every change (the status file)
   */
  public Supervisor(
      Supplier<List<RunningService>> services,
      BooleanSupplier closing,
      RestartPolicy.Limits limits,
      Clock clock,
      Consumer<List<ProcessStatus>> onChange) {
    this.services = services;
    this.closing = closing;
    this.limits = limits;
    this.clock = clock;
    this.onChange = onChange;
  }

  public RestartPolicy.Limits limits() {
    return limits;
  }

  /** The supervised processes, in start order. */
  public List<ProcessStatus> statuses() {
    return snapshot;
  }

  /** One pass: notices deaths, starts again what is due. */
  public void tick() {
    for (RunningService service : services.get()) {
      if (!(service instanceof Supervised supervised) || closing.getAsBoolean()) {
        continue;
      }
      Entry entry =
          entries.computeIfAbsent(
              service.name(), name -> new Entry(service, new RestartPolicy(limits)));
      switch (entry.state) {
        case RUNNING -> {
          String exit = supervised.exitSummary();
          if (exit != null) {
            LOG.error("{} stopped unexpectedly: {}", service.name(), supervised.unexpectedExit());
            entry.lastReason = exit;
            schedule(entry, exit);
          }
        }
        case RESTARTING -> {
          if (!clock.instant().isBefore(entry.due)) {
            restartDue(entry);
          }
        }
        case GAVE_UP, STOPPED -> {
          // stays down until ops restart it
        }
      }
    }
    publish();
  }

  /**
   * Stops and starts {@code name} now, on request; also brings back one given up on. The restart
   * counts in the status and metrics but not against the limit, which starts afresh.
   *
   * @return what happened, one sentence
   * @throws IllegalArgumentException for a name that is no service of ours
   */
  public String restart(String name) {
    RunningService service =
        services.get().stream()
            .filter(s -> s.name().equals(name))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no service '"
                            + name
                            + "'; known: "
                            + services.get().stream().map(RunningService::name).toList()));
    if (service.origin() == Origin.EXTERNAL) {
      throw new IllegalArgumentException(
          name + " is " + service.label() + ": not started by Vorlauf, restart it where it runs");
    }
    if (closing.getAsBoolean()) {
      throw new IllegalStateException("Vorlauf is stopping");
    }
    LOG.warn("Restarting {} on request", name);
    Entry entry =
        service instanceof Supervised
            ? entries.computeIfAbsent(name, n -> new Entry(service, new RestartPolicy(limits)))
            : null;
    try {
      stopQuietly(service);
      service.start();
    } catch (RuntimeException e) {
      if (entry != null) {
        entry.state = State.GAVE_UP;
        entry.lastReason = "requested restart failed: " + firstLine(e.getMessage());
      }
      publish();
      LOG.error("Restart of {} on request failed: {}", name, e.getMessage());
      return "restart of " + name + " failed: " + firstLine(e.getMessage());
    }
    String pid = pidText(service);
    if (entry != null) {
      // ops brought it back (perhaps after fixing the cause): the limit counts afresh
      entry.policy = new RestartPolicy(limits);
      entry.state = State.RUNNING;
      entry.restarts++;
      entry.lastReason = REQUESTED;
      entry.lastRestart = clock.instant();
    }
    publish();
    LOG.info("{} restarted on request{}", name, pid);
    return name + " restarted" + pid;
  }

  private void schedule(Entry entry, String why) {
    String name = entry.service.name();
    Optional<Duration> delay = entry.policy.onUnexpectedExit(clock.instant());
    if (delay.isEmpty()) {
      entry.state = State.GAVE_UP;
      LOG.error(
          "GIVING UP on {}: it died {} times within {} (last: {}). It stays DOWN. Fix the cause"
              + " (see its log), then run: deploy/vorlauf restart {}",
          name,
          limits.maxRestarts() + 1,
          limits.window(),
          why,
          name);
      return;
    }
    entry.state = State.RESTARTING;
    entry.due = clock.instant().plus(delay.get());
    LOG.warn(
        "Restarting {} in {} ms ({}; restart {} of at most {})",
        name,
        delay.get().toMillis(),
        why,
        entry.policy.recentRestarts(clock.instant()),
        limits);
  }

  private void restartDue(Entry entry) {
    RunningService service = entry.service;
    try {
      stopQuietly(service);
      service.start();
    } catch (RuntimeException e) {
      if (closing.getAsBoolean()) {
        return;
      }
      String why = "restart failed: " + firstLine(e.getMessage());
      LOG.error("{}: {}", service.name(), e.getMessage());
      entry.lastReason = why;
      schedule(entry, why);
      return;
    }
    entry.state = State.RUNNING;
    entry.restarts++;
    entry.lastRestart = clock.instant();
    LOG.warn(
        "{} restarted{} after {} ({} restarts so far)",
        service.name(),
        pidText(service),
        entry.lastReason,
        entry.restarts);
  }

  private void publish() {
    List<ProcessStatus> now = new ArrayList<>();
    for (Entry entry : entries.values()) {
      long pid = ((Supervised) entry.service).pid().orElse(0L);
      // stopped on purpose (a test stopping the broker): no exit to notice, no process either
      State state = entry.state == State.RUNNING && pid == 0 ? State.STOPPED : entry.state;
      now.add(
          new ProcessStatus(
              entry.service.name(),
              state,
              pid,
              entry.restarts,
              entry.lastReason,
              entry.lastRestart));
    }
    List<ProcessStatus> changed = List.copyOf(now);
    if (!changed.equals(snapshot)) {
      snapshot = changed;
      onChange.accept(changed);
    }
  }

  private static void stopQuietly(RunningService service) {
    try {
      // clears what is left of the dead process (pid file, the handle) before the new start
      service.stop();
    } catch (RuntimeException e) {
      LOG.warn("Cleaning up after {} failed: {}", service.name(), e.getMessage());
    }
  }

  private static String pidText(RunningService service) {
    return service instanceof Supervised s && s.pid().isPresent()
        ? " (pid " + s.pid().getAsLong() + ")"
        : "";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static final class Entry {
    final RunningService service;
    RestartPolicy policy;
    State state = State.RUNNING;
    int restarts;
    String lastReason;
    Instant lastRestart;
    Instant due;

    Entry(RunningService service, RestartPolicy policy) {
      this.service = service;
      this.policy = policy;
    }
  }
}
