package de.vorlauf.webadmin.common;

import java.util.List;

/**
 * Input that breaks the rules, with one human message per broken rule (REST: 400). A rule that
 * concerns one input field names it, so a form can show the message at that field.
 */
public class InvalidInputException extends RuntimeException {

  /**
   * One broken rule.
   *
   * @param field the input field it concerns, as the API names it; null for the input as a whole
   */
  public record FieldError(String field, String message) {}

  private final List<FieldError> errors;

  public InvalidInputException(List<String> messages) {
    this(messages.stream().map(m -> new FieldError(null, m)).toList(), true);
  }

  public InvalidInputException(String message) {
    this(List.of(message));
  }

  /** A broken rule of one field. */
  public InvalidInputException(String field, String message) {
    this(List.of(new FieldError(field, message)), true);
  }

  private InvalidInputException(List<FieldError> errors, boolean copied) {
    super(String.join("; ", errors.stream().map(FieldError::message).toList()));
    this.errors = List.copyOf(errors);
  }

  public static InvalidInputException ofFields(List<FieldError> errors) {
    return new InvalidInputException(errors, true);
  }

  public List<String> messages() {
    return errors.stream().map(FieldError::message).toList();
  }

  public List<FieldError> fieldErrors() {
    return errors;
  }
}
