package de.vorlauf.simulator;

import de.vorlauf.simulator.provision.Provisioner;
import de.vorlauf.simulator.provision.RestProvisioner;
import de.vorlauf.simulator.runtime.EnergyReport;
import de.vorlauf.simulator.runtime.Simulator;
import de.vorlauf.simulator.runtime.SimulatorSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -Xmx512m -cp vorlauf-simulator.jar:lib/* de.vorlauf.simulator.SimulatorMain run
 * [--option value …]}: provisions the fleet through Vorlauf's REST API, backfills once per state
 * folder, then publishes live until SIGTERM, when it finishes the current minute, waits for the
 * broker's acknowledgements, disconnects and prints the energy and comfort report.
 */
public final class SimulatorMain {

  private static final Logger log = LoggerFactory.getLogger(SimulatorMain.class);
  private static final Duration LOGIN_PATIENCE = Duration.ofMinutes(5);

  /**
   * Paho logs a lost connection as a SEVERE stack trace per client through java.util.logging; the
   * simulator reports connection state itself, once per connection, so Paho's own lines only add
   * noise (held in a field: JUL keeps loggers weakly).
   */
  private static final java.util.logging.Logger PAHO =
      java.util.logging.Logger.getLogger("org.eclipse.paho");

  private SimulatorMain() {}

  public static void main(String[] args) {
    PAHO.setLevel(java.util.logging.Level.OFF);
    List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
    String command = args.length == 0 ? "run" : args[0];
    if (!command.equals("run")) {
      log.error("usage: SimulatorMain run [--option value …]  (see simulator/README.md)");
      System.exit(2);
    }
    SimulatorOptions options;
    try {
      options = SimulatorOptions.parse(rest, System.getenv());
    } catch (RuntimeException e) {
      log.error("simulator: {}", e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(run(options));
  }

  static int run(SimulatorOptions options) {
    SimulatorSettings settings = options.settings();
    Provisioner provisioner;
    try {
      provisioner = settings.apiUrl() == null ? null : login(settings);
    } catch (RuntimeException e) {
      log.error("provisioning impossible: {}", e.getMessage());
      return 1;
    }
    Simulator simulator;
    try {
      simulator = Simulator.start(settings, provisioner, Clock.systemUTC());
    } catch (RuntimeException e) {
      log.error("the simulator could not start", e);
      if (provisioner != null) {
        provisioner.close();
      }
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              log.info("stopping: finishing the current minute, then disconnecting");
              shutdown(simulator, provisioner, options.reportFile());
              stopped.countDown();
            },
            "sim-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
        if (simulator.failure().isPresent()) {
          Runtime.getRuntime().removeShutdownHook(hook);
          shutdown(simulator, provisioner, options.reportFile());
          return 1;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** The provisioner outlives the simulator: it reads the registry for it until the end. */
  private static void shutdown(Simulator simulator, Provisioner provisioner, Path reportFile) {
    simulator.close();
    if (provisioner != null) {
      provisioner.close();
    }
    EnergyReport report = simulator.report();
    String table = report.table();
    log.info("energy and comfort per building since the start:\n{}", table);
    try {
      Files.createDirectories(reportFile.toAbsolutePath().getParent());
      Files.writeString(reportFile, table);
    } catch (IOException e) {
      log.warn("cannot write {}: {}", reportFile, e.getMessage());
    }
  }

  /** WildFly may still be booting when the launcher starts us: keep trying for a while. */
  private static Provisioner login(SimulatorSettings settings) {
    String password;
    try {
      password = Files.readAllLines(settings.adminPasswordFile()).get(0).strip();
    } catch (IOException | IndexOutOfBoundsException e) {
      throw new IllegalStateException(
          "cannot read the admin password from " + settings.adminPasswordFile());
    }
    long deadline = System.nanoTime() + LOGIN_PATIENCE.toNanos();
    while (true) {
      try {
        return RestProvisioner.login(settings.apiUrl(), settings.adminUser(), password);
      } catch (IllegalStateException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        log.info("waiting for {}: {}", settings.apiUrl(), e.getMessage());
        try {
          Thread.sleep(5_000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
