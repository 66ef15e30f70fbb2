package de.vorlauf.devstack.service;

/**
 * A service the launcher or a test has made available. {@link #stop()} and {@link #start()} let
 * tests take a service away and bring it back on the same port with the same data; {@link #close()}
 * releases it for good. For {@link Origin#EXTERNAL} services all three do nothing.
 */
public interface RunningService extends AutoCloseable {

  /** Short machine name: database, mqtt, temporal, worker, wildfly. */
  String name();

  Origin origin();

  /** What a person should read, e.g. "Mosquitto 2.0.11 (started by Vorlauf)". */
  String label();

  /** Stops the service but keeps its port and data for {@link #start()}. Idempotent. */
  void stop();

  /** Starts the service again after {@link #stop()}, on the same port with the same data. */
  void start();

  /** Stops the service for good. Idempotent. */
  @Override
  void close();
}
