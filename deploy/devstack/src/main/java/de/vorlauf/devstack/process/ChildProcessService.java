package de.vorlauf.devstack.process;

import de.vorlauf.devstack.service.RunningService;
import java.util.OptionalLong;

/**
 * A service that is one child process of ours (Mosquitto, the Temporal CLI dev server, WildFly, a
 * Java program): started at most once at a time, stopped again when it does not become ready,
 * watched for an exit of its own, and stopped as a process tree. Subclasses say how to start the
 * process and how to tell that it is ready.
 */
public abstract class ChildProcessService implements RunningService, Supervised {

  private ChildProcess process;

  /** Starts the process, after whatever has to happen before (ports, configuration files). */
  protected abstract ChildProcess launch();

  /**
   * Returns once the service answers; throws with the reason otherwise ({@code child::deathNotice}
   * says why a process died). The process is then stopped.
   */
  protected abstract void awaitReady(ChildProcess child);

  @Override
  public final synchronized void start() {
    if (process != null) {
      return;
    }
    ChildProcess child = launch();
    try {
      awaitReady(child);
    } catch (RuntimeException e) {
      child.stop();
      throw e;
    }
    process = child;
  }

  @Override
  public final synchronized String unexpectedExit() {
    return process == null ? null : process.deathNotice();
  }

  @Override
  public final synchronized String exitSummary() {
    return process == null ? null : process.exitSummary();
  }

  @Override
  public final synchronized OptionalLong pid() {
    return process == null || !process.isAlive()
        ? OptionalLong.empty()
        : OptionalLong.of(process.pid());
  }

  @Override
  public final synchronized void stop() {
    if (process != null) {
      process.stop();
      process = null;
    }
  }

  @Override
  public final void close() {
    stop();
  }
}
