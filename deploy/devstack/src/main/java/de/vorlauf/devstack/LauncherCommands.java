package de.vorlauf.devstack;

import de.vorlauf.devstack.postgres.StalePostmaster;
import de.vorlauf.devstack.process.PidFile;
import de.vorlauf.devstack.process.Readiness;
import de.vorlauf.devstack.service.StateDir;
import de.vorlauf.devstack.supervision.ProcessStatus;
import de.vorlauf.devstack.supervision.SupervisionFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code stop}, {@code status} and {@code restart}, run from a second process against the state
 * folder.
 */
final class LauncherCommands {

  private static final Logger LOG = LoggerFactory.getLogger(LauncherCommands.class);

  /** WildFly's start alone may take minutes on a busy machine. */
  private static final Duration RESTART_WAIT = Duration.ofMinutes(5);

  private LauncherCommands() {}

  /** SIGTERM to the launcher, which stops what it started; then leftovers of a killed run. */
  static int stop(StateDir state) {
    Optional<Long> pid = LauncherLock.runningPid(state);
    if (pid.isPresent()) {
      LOG.info("Stopping the Vorlauf launcher (pid {})", pid.get());
      ProcessHandle launcher = ProcessHandle.of(pid.get()).orElseThrow();
      launcher.destroy();
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (launcher.isAlive() && System.nanoTime() < deadline) {
        Readiness.sleep(Duration.ofMillis(250));
      }
      if (launcher.isAlive()) {
        LOG.error("The launcher (pid {}) is still running after 5 minutes", pid.get());
        return 1;
      }
    } else {
      LOG.info("Vorlauf is not running on {}", state);
    }
    stopLeftovers(state);
    LOG.info("Stopped");
    return 0;
  }

  /** Processes of a launcher that was killed (kill -9) and could not clean up. */
  static void stopLeftovers(StateDir state) {
    for (String child : List.of("simulator", "wildfly", "worker", "migrate")) {
      PidFile.stopLeftover(state.pidFile(child), child);
    }
    PidFile.stopLeftover(state.temporal().resolve("temporal.pid"), "Temporal dev server");
    PidFile.stopLeftover(state.mosquitto().resolve("mosquitto.pid"), "Mosquitto");
    StalePostmaster.stopIfRunning(state.postgresData());
  }

  static int status(StateDir state) {
    Optional<Long> pid = LauncherLock.runningPid(state);
    LOG.info(
        pid.map(p -> "Vorlauf is running (launcher pid " + p + "), state folder " + state)
            .orElse("Vorlauf is not running on " + state));
    Properties services = load(state.servicesProperties());
    if (pid.isEmpty() || services.isEmpty()) {
      return pid.isPresent() ? 0 : 3;
    }
    report("database", hostPortUp(services.getProperty("database.url")), services);
    report("mqtt", hostPortUp(services.getProperty("mqtt.url")), services);
    report("temporal", hostPortUp("//" + services.getProperty("temporal.address")), services);
    report("worker", httpUp(services.getProperty("worker.health")), services);
    report(
        "wildfly", httpUp(services.getProperty("wildfly.management") + "health/ready"), services);
    reportSupervision(state);
    try {
      Files.readAllLines(state.urls()).forEach(LOG::info);
    } catch (IOException e) {
      LOG.warn("No {}", state.urls());
    }
    return 0;
  }

  /** Per process the launcher started: state, pid, restarts, last restart and why. */
  private static void reportSupervision(StateDir state) {
    List<ProcessStatus> processes = SupervisionFiles.read(state.supervisionProperties());
    if (processes.isEmpty()) {
      return;
    }
    LOG.info("  Processes started by the launcher:");
    LOG.info(
        String.format(
            "    %-10s %-10s %-8s %-8s %s", "process", "state", "pid", "restarts", "last restart"));
    for (ProcessStatus p : processes) {
      String last =
          p.lastReason() == null
              ? "-"
              : (p.lastRestart() == null ? "" : p.lastRestart() + " ") + p.lastReason();
      LOG.info(
          String.format(
              "    %-10s %-10s %-8s %-8d %s",
              p.name(), p.state(), p.pid() == 0 ? "-" : p.pid(), p.restarts(), last));
    }
  }

  /**
   * Asks the running launcher to restart {@code service} (a request file in the state folder) and
   * waits for its answer.
   */
  static int restart(StateDir state, String service) {
    if (LauncherLock.runningPid(state).isEmpty()) {
      LOG.error(
          "Vorlauf is not running on {}: nothing to restart. Start it with: deploy/vorlauf up",
          state);
      return 3;
    }
    String id = SupervisionFiles.requestRestart(state, service);
    LOG.info("Asked the launcher to restart {}; waiting for it", service);
    long deadline = System.nanoTime() + RESTART_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      String answer = SupervisionFiles.takeResult(state, id);
      if (answer != null) {
        boolean ok = answer.startsWith("ok ");
        String text = answer.substring(answer.indexOf(' ') + 1);
        if (ok) {
          LOG.info("{}", text);
          return 0;
        }
        LOG.error("{}", text);
        return 1;
      }
      if (LauncherLock.runningPid(state).isEmpty()) {
        LOG.error("The launcher stopped before it restarted {}", service);
        return 1;
      }
      Readiness.sleep(Duration.ofMillis(250));
    }
    LOG.error("No answer from the launcher within {}; see {}", RESTART_WAIT, state.log("launcher"));
    return 1;
  }

  private static void report(String name, boolean up, Properties services) {
    String label = services.getProperty(name + ".label", "");
    LOG.info("  {} {} {}", up ? "UP  " : "DOWN", name, label);
  }

  /** For jdbc:postgresql://host:port/db, tcp://host:port and //host:port. */
  static boolean hostPortUp(String url) {
    if (url == null) {
      return false;
    }
    URI uri = URI.create(url.replaceFirst("^jdbc:", ""));
    return uri.getHost() != null && Readiness.portOpen(uri.getHost(), uri.getPort());
  }

  private static boolean httpUp(String url) {
    return url != null && Readiness.httpStatus(URI.create(url)) == 200;
  }

  private static Properties load(Path file) {
    Properties properties = new Properties();
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        properties.load(in);
      } catch (IOException e) {
        LOG.warn("Cannot read {}: {}", file, e.toString());
      }
    }
    return properties;
  }
}
