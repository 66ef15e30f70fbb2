package de.vorlauf.domain.vendor;

/** The integrations configuration is unusable; the message names the key and what is expected. */
public class IntegrationConfigException extends RuntimeException {

  public IntegrationConfigException(String message) {
    super(message);
  }
}
