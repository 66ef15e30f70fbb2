package de.vorlauf.inference;

import java.util.Objects;

/**
 * One version of one model: what {@link ModelSessions} caches a session for.
 *
 * @param model the registered model's name, e.g. {@code heat-demand}
 * @param version its version number, from 1
 */
public record ModelKey(String model, int version) {

  public ModelKey {
    Objects.requireNonNull(model, "model");
    if (version < 1) {
      throw new IllegalArgumentException("a model version is 1 or more: " + version);
    }
  }

  @Override
  public String toString() {
    return model + " v" + version;
  }
}
