package de.vorlauf.activities.delivery;

import de.vorlauf.activities.etl.RetentionStep;
import de.vorlauf.persistence.delivery.SetpointDeliveryStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

/**
 * Settled setpoint commands past the optimisation's retention, aged out by the nightly run's
 * retention step (with the results they carried).
 */
public final class DeliveryRetention implements RetentionStep {

  private final SetpointDeliveryStore store;

  public DeliveryRetention(SetpointDeliveryStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public String name() {
    return "setpoint commands";
  }

  @Override
  public void apply(Instant asOf) throws SQLException {
    store.applyRetention(asOf);
  }
}
