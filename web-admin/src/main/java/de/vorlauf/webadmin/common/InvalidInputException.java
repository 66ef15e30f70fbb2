package de.vorlauf.webadmin.common;

import java.util.List;

/** Input that breaks the rules, with one human message per broken rule (REST: 400). */
public class InvalidInputException extends RuntimeException {

  private final List<String> messages;

  public InvalidInputException(List<String> messages) {
    super(String.join("; ", messages));
    this.messages = List.copyOf(messages);
  }

  public InvalidInputException(String message) {
    this(List.of(message));
  }

  public List<String> messages() {
    return messages;
  }
}
