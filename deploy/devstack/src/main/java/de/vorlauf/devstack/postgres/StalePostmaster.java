package de.vorlauf.devstack.postgres;

import de.vorlauf.devstack.process.Readiness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a kill -9 of the JVM, the postmaster lives on (pg_ctl daemonised it) and zonky would
 * silently attach to it with the old settings. We stop it first: fast shutdown (SIGINT), then
 * immediate (SIGQUIT) if it does not go.
 */
public final class StalePostmaster {

  private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);

  private StalePostmaster() {}

  public static void stopIfRunning(Path dataDir) {
    findPostmaster(dataDir)
        .ifPresent(
            postmaster -> {
              LOG.warn(
                  "A PostgreSQL server (pid {}) from an earlier run still uses {}; stopping it",
                  postmaster.pid(),
                  dataDir);
              signal(postmaster, "INT");
              if (!awaitExit(postmaster, Duration.ofSeconds(30))) {
                signal(postmaster, "QUIT");
                if (!awaitExit(postmaster, Duration.ofSeconds(10))) {
                  throw new IllegalStateException(
                      "PostgreSQL pid " + postmaster.pid() + " on " + dataDir + " does not stop");
                }
              }
            });
  }

  /** The live process named in postmaster.pid, if its command line names this data folder. */
  static Optional<ProcessHandle> findPostmaster(Path dataDir) {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
      String commandLine = commandLine(pid);
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(p -> commandLine.contains(dataDir.toString()));
    } catch (IOException | RuntimeException e) {
      LOG.debug("Unreadable {}: {}", pidFile, e.toString());
      return Optional.empty();
    }
  }

  private static String commandLine(long pid) throws IOException {
    Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
    if (!Files.exists(cmdline)) {
      return "";
    }
    return new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
  }

  private static void signal(ProcessHandle process, String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
          .inheritIO()
          .start()
          .waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("cannot signal PostgreSQL pid " + process.pid(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean awaitExit(ProcessHandle process, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (process.isAlive() && System.nanoTime() < deadline) {
      Readiness.sleep(Duration.ofMillis(100));
    }
    return !process.isAlive();
  }
}
