package de.vorlauf.devstack.temporal;

import de.vorlauf.devstack.service.ExternalService;
import java.util.Optional;

/** A Temporal server configured through TEMPORAL_ADDRESS: we neither start nor stop it. */
public record ExternalTemporal(String address) implements RunningTemporal, ExternalService {

  @Override
  public Optional<String> uiUrl() {
    return Optional.empty();
  }

  @Override
  public TemporalKind kind() {
    return TemporalKind.EXTERNAL;
  }

  @Override
  public String label() {
    return "Temporal at " + address + " (configured)";
  }
}
