package de.vorlauf.devstack.process;

import de.vorlauf.devstack.service.Origin;
import java.nio.file.Files;
import java.time.Duration;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Java program of ours (the worker, later the simulator) run from its jar as a child process. */
public final class JavaProcess extends ChildProcessService {

  private static final Logger LOG = LoggerFactory.getLogger(JavaProcess.class);

  private final JavaProcessOptions options;

  private JavaProcess(JavaProcessOptions options) {
    this.options = options;
  }

  /** Starts the program and waits until its readiness URL answers 200. */
  public static JavaProcess start(JavaProcessOptions options) {
    JavaProcess program = new JavaProcess(options);
    program.start();
    return program;
  }

  /** Runs the program to its end (e.g. {@code migrate}) and returns its exit code. */
  public static int run(JavaProcessOptions options, Duration timeout) {
    requireJar(options);
    ChildProcess child = launch(options);
    OptionalInt exit = child.waitFor(timeout);
    child.stop();
    if (exit.isEmpty()) {
      throw new IllegalStateException(
          options.name() + " did not finish within " + timeout + "; see " + options.logFile());
    }
    return exit.getAsInt();
  }

  @Override
  protected ChildProcess launch() {
    requireJar(options);
    return launch(options);
  }

  @Override
  protected void awaitReady(ChildProcess child) {
    if (options.readinessUrl() != null) {
      Readiness.await(
          options.name() + " at " + options.readinessUrl(),
          options.readinessTimeout(),
          () -> Readiness.httpStatus(options.readinessUrl()) == 200,
          child::deathNotice);
    }
    LOG.info("{} ready (pid {})", options.name(), child.pid());
  }

  @Override
  public String name() {
    return options.name();
  }

  @Override
  public Origin origin() {
    return Origin.STARTED_BINARY;
  }

  @Override
  public String label() {
    return options.jar().getFileName() + " (started by Vorlauf)";
  }

  @Override
  public String toString() {
    return name() + " " + label();
  }

  private static ChildProcess launch(JavaProcessOptions options) {
    return ChildProcess.start(
        options.name(),
        options.command(),
        options.env(),
        options.workDir(),
        options.logFile(),
        options.pidFile(),
        options.stopGrace());
  }

  private static void requireJar(JavaProcessOptions options) {
    if (!Files.isRegularFile(options.jar())) {
      throw new IllegalStateException(
          options.name()
              + ": "
              + options.jar()
              + " does not exist; build it first"
              + " (mvn -B -DskipTests install)");
    }
  }
}
