package de.vorlauf.webadmin.apitokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.common.InvalidInputException.FieldError;
import de.vorlauf.webadmin.security.TokenAccess;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiTokenRulesTest {

  private static final Instant NOW = Instant.parse("2026-12-04T05:00:00Z");

  private static List<FieldError> errors(ApiTokenInput input) {
    try {
      ApiTokenRules.check(input, NOW);
    } catch (InvalidInputException e) {
      return e.fieldErrors();
    }
    throw new AssertionError("accepted: " + input);
  }

  @Test
  void aGoodInputIsTrimmedAndItsScopesDeduplicatedInOrder() {
    ApiTokenRules.Checked checked =
        ApiTokenRules.check(
            new ApiTokenInput(
                " bms-north ", List.of("read", "optimize", "read"), "2027-03-01T01:00:00+01:00"),
            NOW);

    assertThat(checked.name()).isEqualTo("bms-north");
    assertThat(checked.scopes()).containsExactly("optimize", "read");
    assertThat(checked.expiresAt()).isEqualTo(Instant.parse("2027-03-01T00:00:00Z"));
  }

  @Test
  void everyBrokenRuleIsReportedAtItsField() {
    List<FieldError> errors = errors(new ApiTokenInput("", List.of("write", "read"), "tomorrow"));

    assertThat(errors).extracting(FieldError::field).containsExactly("name", "scopes", "expiresAt");
    assertThat(errors.get(1).message()).contains("'write'", "optimize, read");
  }

  @Test
  void theExpiryIsRequiredInTheFutureAndAtMostAYearAhead() {
    List<String> scopes = List.of("read");
    assertThat(errors(new ApiTokenInput("a", scopes, null)).get(0).message()).contains("required");
    assertThat(errors(new ApiTokenInput("a", scopes, NOW.toString())).get(0).message())
        .contains("future");
    Instant max = NOW.plus(ApiTokenRules.MAX_LIFETIME);
    assertThat(ApiTokenRules.check(new ApiTokenInput("a", scopes, max.toString()), NOW).expiresAt())
        .isEqualTo(max);
    assertThat(errors(new ApiTokenInput("a", scopes, max.plusSeconds(1).toString())))
        .extracting(FieldError::field)
        .containsExactly("expiresAt");
    assertThat(ApiTokenRules.DEFAULT_LIFETIME).isLessThan(ApiTokenRules.MAX_LIFETIME);
  }

  @Test
  void namesAreBoundedAndScopesRequired() {
    assertThat(errors(new ApiTokenInput("x".repeat(81), List.of("read"), "2027-01-01T00:00:00Z")))
        .extracting(FieldError::field)
        .containsExactly("name");
    assertThat(errors(new ApiTokenInput("-lead", List.of(), "2027-01-01T00:00:00Z")))
        .extracting(FieldError::field)
        .containsExactly("name", "scopes");
    assertThatThrownBy(() -> ApiTokenRules.check(null, NOW))
        .isInstanceOf(InvalidInputException.class);
    assertThat(
            ApiTokenRules.check(
                    new ApiTokenInput("x".repeat(80), List.of("read"), "2027-01-01T00:00:00Z"), NOW)
                .name())
        .hasSize(80);
  }

  @Test
  void theFilterReadScopeIsOneOfTheKnownScopes() {
    assertThat(Arrays.stream(ApiTokenScope.values()).map(ApiTokenScope::code))
        .containsExactly("optimize", TokenAccess.READ);
  }
}
