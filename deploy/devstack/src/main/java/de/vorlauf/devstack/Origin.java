package de.vorlauf.devstack;

/** Where a service the platform talks to comes from. */
public enum Origin {
  /** Configured by the user (an address was given); we start nothing. */
  EXTERNAL,
  /** An installed binary that we start with our own configuration, port and data folder. */
  STARTED_BINARY,
  /** A fallback running inside the launcher's JVM (or its child), from Maven artifacts only. */
  EMBEDDED
}
