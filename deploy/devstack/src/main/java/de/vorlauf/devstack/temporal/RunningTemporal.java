package de.vorlauf.devstack.temporal;

import de.vorlauf.devstack.service.RunningService;
import java.util.Optional;

/** A Temporal frontend the platform may connect to. */
public interface RunningTemporal extends RunningService {

  /** host:port of the gRPC frontend, e.g. 127.0.0.1:17233 */
  String address();

  /** The Temporal Web UI, where one runs (the CLI dev server has one; the in-JVM server not). */
  Optional<String> uiUrl();

  TemporalKind kind();

  @Override
  default String name() {
    return "temporal";
  }
}
