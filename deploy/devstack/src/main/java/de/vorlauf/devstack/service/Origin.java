package de.vorlauf.devstack.service;

/** Where a service the platform talks to comes from. */
public enum Origin {
  /** Configured by the user (an address was given); we start nothing. */
  EXTERNAL,
  /** An installed binary that we start with our own configuration, port and data folder. */
  STARTED_BINARY,
  /** A fallback running inside the launcher's JVM (or its child), from Maven artifacts only. */
  EMBEDDED;

  /** True when {@code address} is set: that service is then {@link #EXTERNAL} and none starts. */
  public static boolean configured(String address) {
    return address != null && !address.isBlank();
  }
}
