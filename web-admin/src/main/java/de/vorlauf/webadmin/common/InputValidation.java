package de.vorlauf.webadmin.common;

import de.vorlauf.webadmin.common.InvalidInputException.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Runs Bean Validation explicitly, so every broken rule comes back in one 400 problem with the
 * rules' own messages (and no container mapper decides the format), each tied to its field.
 */
public final class InputValidation {

  private InputValidation() {}

  public static <T> T valid(Validator validator, T input) {
    if (input == null) {
      throw new InvalidInputException("a JSON body is required");
    }
    Set<ConstraintViolation<T>> violations = validator.validate(input);
    if (!violations.isEmpty()) {
      throw InvalidInputException.ofFields(
          violations.stream()
              .map(v -> new FieldError(field(v), v.getMessage()))
              .distinct()
              .sorted(Comparator.comparing(FieldError::message))
              .toList());
    }
    return input;
  }

  /**
   * The input field a violation concerns: the property it was found on when that is a field of the
   * input record; for a rule over the whole record (an {@code @AssertTrue isXxx()} method) the
   * field its message starts with, since every message names its field first ("timeZone must be
   * ..."); else null.
   */
  static String field(ConstraintViolation<?> violation) {
    List<String> fields = fields(violation.getRootBeanClass());
    String property = null;
    for (Path.Node node : violation.getPropertyPath()) {
      property = node.getName();
    }
    if (property != null && fields.contains(property)) {
      return property;
    }
    String message = violation.getMessage();
    int space = message.indexOf(' ');
    String first = space < 0 ? message : message.substring(0, space);
    return fields.contains(first) ? first : null;
  }

  private static List<String> fields(Class<?> type) {
    return type.isRecord()
        ? Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList()
        : List.of();
  }
}
