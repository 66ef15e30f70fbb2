package de.vorlauf.webadmin.models;

/** A file of the edge export that the version's source run does not have (REST: 404). */
public class ModelFileMissingException extends RuntimeException {

  public ModelFileMissingException(String detail) {
    super(detail);
  }
}
