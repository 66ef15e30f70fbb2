package de.vorlauf.domain.config;

/** The processes that read environment variables: the "read by" column of the table. */
public enum ReadBy {
  LAUNCHER("launcher"),
  WORKER("worker"),
  /** The admin WAR and the WildFly CLI scripts under {@code deploy/wildfly}. */
  WILDFLY("WildFly"),
  SIMULATOR("simulator");

  private final String label;

  ReadBy(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
