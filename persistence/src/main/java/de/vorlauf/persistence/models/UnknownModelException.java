package de.vorlauf.persistence.models;

/** A model name that names no registered model. */
public class UnknownModelException extends IllegalArgumentException {

  public UnknownModelException(String model) {
    super("model '" + model + "' is not registered");
  }
}
