package de.vorlauf.devstack.process;

/** A service backed by a child process that can die on its own. */
public interface Supervised {

  /** Null while the process runs (or was stopped on purpose), else why it ended. */
  String unexpectedExit();
}
