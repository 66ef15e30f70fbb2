package de.vorlauf.simulator.provision;

import java.util.Objects;

/** Who logs in to the broker: a device (its own connection) or a gateway (for its devices). */
public record Principal(Kind kind, String id) {

  public enum Kind {
    DEVICE("devices"),
    GATEWAY("gateways");

    private final String collection;

    Kind(String collection) {
      this.collection = collection;
    }

    /** The REST collection: {@code devices} or {@code gateways}. */
    public String collection() {
      return collection;
    }
  }

  public Principal {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
  }
}
