package de.vorlauf.webadmin.registry;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The rules of a {@link BuildingInput} that the domain owns: the heating type is one of {@code
 * HeatingType}'s codes, and the heating curve (given or defaulted) fits the type's equipment
 * limits. Each broken rule is its own message, with the codes and limits of the domain in it (an
 * annotation's message could only repeat them as literals).
 */
@Documented
@Constraint(validatedBy = BuildingRulesValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface BuildingRules {

  String message() default "building breaks the heating rules";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
