package de.vorlauf.devstack.temporal;

import de.vorlauf.devstack.service.Origin;
import java.util.Optional;

/** A Temporal server configured through TEMPORAL_ADDRESS: we neither start nor stop it. */
public record ExternalTemporal(String address) implements RunningTemporal {

  @Override
  public Optional<String> uiUrl() {
    return Optional.empty();
  }

  @Override
  public TemporalKind kind() {
    return TemporalKind.EXTERNAL;
  }

  @Override
  public Origin origin() {
    return Origin.EXTERNAL;
  }

  @Override
  public String label() {
    return "Temporal at " + address + " (configured)";
  }

  @Override
  public void stop() {}

  @Override
  public void start() {}

  @Override
  public void close() {}
}
