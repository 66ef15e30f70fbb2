package de.vorlauf.webadmin.common;

/** A building, device or quarantine row that does not exist (REST: 404). */
public class UnknownEntityException extends RuntimeException {

  private final String kind;

  public UnknownEntityException(String kind, String id) {
    super(kind + " '" + id + "' does not exist");
    this.kind = kind;
  }

  public String kind() {
    return kind;
  }
}
