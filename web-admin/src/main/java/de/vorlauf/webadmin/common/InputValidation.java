package de.vorlauf.webadmin.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * Runs Bean Validation explicitly, so every broken rule comes back in one 400 problem with the
 * rules' own messages (and no container mapper decides the format).
 */
public final class InputValidation {

  private InputValidation() {}

  public static <T> T valid(Validator validator, T input) {
    if (input == null) {
      throw new InvalidInputException("a JSON body is required");
    }
    Set<ConstraintViolation<T>> violations = validator.validate(input);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(
          violations.stream().map(ConstraintViolation::getMessage).sorted().distinct().toList());
    }
    return input;
  }
}
