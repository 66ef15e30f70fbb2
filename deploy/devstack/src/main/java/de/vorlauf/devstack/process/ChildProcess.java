package de.vorlauf.devstack.process;

import de.vorlauf.devstack.service.ShutdownRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process we started: its output appended to a log file in the state folder, its pid recorded so
 * a later run can clean up after a crash, and stopped (with its children) on JVM exit.
 */
public final class ChildProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);

  private final String name;
  private final Process process;
  private final Path logFile;
  private final Path pidFile;
  private final Duration stopGrace;

  private ChildProcess(
      String name, Process process, Path logFile, Path pidFile, Duration stopGrace) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
    this.pidFile = pidFile;
    this.stopGrace = stopGrace;
  }

  /**
   * Starts {@code command}; {@code env} is added to this JVM's environment. A process left by an
   * earlier run under the same pid file is stopped first.
   */
  public static ChildProcess start(
      String name,
      List<String> command,
      Map<String, String> env,
      Path workDir,
      Path logFile,
      Path pidFile,
      Duration stopGrace) {
    PidFile.stopLeftover(pidFile, name);
    try {
      Files.createDirectories(logFile.getParent());
      Files.createDirectories(workDir);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.environment().putAll(env);
      Process process = builder.start();
      PidFile.write(pidFile, process.toHandle());
      LOG.info("Started {} (pid {}), log: {}", name, process.pid(), logFile);
      ChildProcess child = new ChildProcess(name, process, logFile, pidFile, stopGrace);
      ShutdownRegistry.register(child);
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits for the process to end; its exit code, or empty if it still runs after {@code timeout}.
   */
  OptionalInt waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
          ? OptionalInt.of(process.exitValue())
          : OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.empty();
    }
  }

  /** Null while alive, else a sentence for an error message, with the end of the log. */
  public String deathNotice() {
    if (process.isAlive()) {
      return null;
    }
    return name
        + " ended with "
        + describeExit(process.exitValue())
        + "; last lines of "
        + logFile
        + ":\n"
        + LogTail.of(logFile, 30);
  }

  /**
   * Null while alive, else "exit code 137 (SIGKILL)": the JVM reports a signal as 128 + its number.
   */
  public String exitSummary() {
    if (process.isAlive()) {
      return null;
    }
    return describeExit(process.exitValue());
  }

  static String describeExit(int code) {
    String signal =
        switch (code - 128) {
          case 1 -> "SIGHUP";
          case 2 -> "SIGINT";
          case 6 -> "SIGABRT";
          case 9 -> "SIGKILL";
          case 11 -> "SIGSEGV";
          case 15 -> "SIGTERM";
          default -> null;
        };
    return "exit code " + code + (signal == null ? "" : " (" + signal + ")");
  }

  /** SIGTERM to the process tree, SIGKILL after the grace period. Idempotent. */
  public void stop() {
    ShutdownRegistry.unregister(this);
    if (process.isAlive()) {
      LOG.info("Stopping {} (pid {})", name, process.pid());
      ProcessTrees.terminate(process.toHandle(), stopGrace);
    }
    PidFile.delete(pidFile);
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
