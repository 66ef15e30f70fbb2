package de.vorlauf.persistence.models;

/**
 * A change the registry's rules refuse (see {@code domain.models.ModelRules}), or a run that cannot
 * become a version; the message says why, for a person. Not retryable: the same request is refused
 * again until the state changes.
 */
public class RegistryRefusedException extends RuntimeException {

  public RegistryRefusedException(String reason) {
    super(reason);
  }
}
