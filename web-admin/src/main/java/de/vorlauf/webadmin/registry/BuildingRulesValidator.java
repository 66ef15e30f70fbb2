package de.vorlauf.webadmin.registry;

import de.vorlauf.domain.heating.HeatingType;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks {@link BuildingRules}: one violation per domain message. */
public class BuildingRulesValidator implements ConstraintValidator<BuildingRules, BuildingInput> {

  @Override
  public boolean isValid(BuildingInput input, ConstraintValidatorContext context) {
    if (input == null) {
      return true;
    }
    List<String> problems = problems(input);
    if (problems.isEmpty()) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    for (String problem : problems) {
      context.buildConstraintViolationWithTemplate(escape(problem)).addConstraintViolation();
    }
    return false;
  }

  static List<String> problems(BuildingInput in) {
    List<String> problems = new ArrayList<>();
    if (in.heatingType() == null || in.heatingType().isBlank()) {
      problems.add("heatingType is required: one of " + HeatingType.allCodes());
      return problems;
    }
    Optional<HeatingType> type = HeatingType.fromCode(in.heatingType().strip());
    if (type.isEmpty()) {
      problems.add("heatingType must be one of " + HeatingType.allCodes());
      return problems;
    }
    problems.addAll(RegistryMapper.curveProblems(in, type.get()));
    return problems;
  }

  /** Messages are templates: braces, dollars and backslashes would be interpolated. */
  private static String escape(String message) {
    return message
        .replace("\\", "\\\\")
        .replace("{", "\\{")
        .replace("}", "\\}")
        .replace("$", "\\$");
  }
}
