package de.vorlauf.devstack.service;

/** A service configured by its address (an environment variable): we neither start nor stop it. */
public interface ExternalService extends RunningService {

  @Override
  default Origin origin() {
    return Origin.EXTERNAL;
  }

  @Override
  default void stop() {}

  @Override
  default void start() {}

  @Override
  default void close() {}
}
