package de.vorlauf.devstack.process;

import java.util.OptionalLong;

/**
 * A service backed by a process of its own that can die on its own; the launcher's supervisor
 * starts it again ({@code RunningService#stop()} then {@code start()}).
 */
public interface Supervised {

  /** Null while the process runs (or was stopped on purpose), else why it ended. */
  String unexpectedExit();

  /**
   * One line for logs and the status: "exit code 137 (SIGKILL)"; null while the process runs or was
   * stopped on purpose.
   */
  String exitSummary();

  /** The process id while it runs. */
  OptionalLong pid();
}
