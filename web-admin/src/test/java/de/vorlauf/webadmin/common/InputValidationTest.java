package de.vorlauf.webadmin.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.webadmin.common.InvalidInputException.FieldError;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every broken rule comes back tied to the field a form shows it at. */
class InputValidationTest {

  record Sample(
      @Size(max = 3, message = "name must be at most 3 characters") String name,
      Integer low,
      Integer high) {

    @AssertTrue(message = "low must not be above high")
    public boolean isOrdered() {
      return low == null || high == null || low <= high;
    }

    @AssertTrue(message = "the sample as a whole is wrong")
    public boolean isWhole() {
      return !"all".equals(name);
    }
  }

  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void validator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  @Test
  void aPropertyRuleNamesItsPropertyAndARecordRuleTheFieldItsMessageStartsWith() {
    assertThatThrownBy(() -> InputValidation.valid(validator, new Sample("long", 5, 1)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsExactly(
                        new FieldError("low", "low must not be above high"),
                        new FieldError("name", "name must be at most 3 characters")));
  }

  @Test
  void aRuleOverTheWholeInputHasNoField() {
    assertThatThrownBy(() -> InputValidation.valid(validator, new Sample("all", null, null)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsExactly(new FieldError(null, "the sample as a whole is wrong")));
  }

  @Test
  void validInputPassesThrough() {
    Sample ok = new Sample("abc", 1, 2);
    assertThat(InputValidation.valid(validator, ok)).isSameAs(ok);
  }
}
