package de.vorlauf.devstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers a child process in the state folder so that the next run can stop it if this run was
 * killed without a chance to clean up (kill -9, power loss). The start time guards against a
 * recycled pid: only the very process we started is ever stopped.
 */
public final class PidFile {

  private static final Logger LOG = LoggerFactory.getLogger(PidFile.class);

  private PidFile() {}

  static void write(Path file, ProcessHandle process) {
    try {
      Files.createDirectories(file.getParent());
      long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
      Files.writeString(file, process.pid() + "\n" + started + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write pid file " + file, e);
    }
  }

  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Could not delete pid file {}", file, e);
    }
  }

  /** The process recorded in {@code file}, if it is still the same one and still alive. */
  static Optional<ProcessHandle> liveProcess(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(file);
      long pid = Long.parseLong(lines.get(0).strip());
      long started = lines.size() > 1 ? Long.parseLong(lines.get(1).strip()) : 0L;
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(p -> started == 0L || sameStart(p, started));
    } catch (IOException | RuntimeException e) {
      LOG.warn("Ignoring unreadable pid file {}: {}", file, e.toString());
      return Optional.empty();
    }
  }

  /** Stops a process left over by an earlier run, with its children. */
  public static void stopLeftover(Path file, String what) {
    liveProcess(file)
        .ifPresent(
            process -> {
              LOG.warn(
                  "Stopping {} (pid {}) left running by an earlier run that did not shut down"
                      + " cleanly",
                  what,
                  process.pid());
              ProcessTrees.terminate(process, Duration.ofSeconds(30));
            });
    delete(file);
  }

  private static boolean sameStart(ProcessHandle process, long startedMillis) {
    return process
        .info()
        .startInstant()
        .map(i -> Math.abs(i.toEpochMilli() - startedMillis) < 1000)
        .orElse(true);
  }
}
