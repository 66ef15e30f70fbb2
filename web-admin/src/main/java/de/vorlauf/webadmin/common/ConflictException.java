package de.vorlauf.webadmin.common;

/** The request contradicts the current state, e.g. an id that is taken (REST: 409). */
public class ConflictException extends RuntimeException {

  private final String title;

  public ConflictException(String title, String detail) {
    super(detail);
    this.title = title;
  }

  public String title() {
    return title;
  }
}
