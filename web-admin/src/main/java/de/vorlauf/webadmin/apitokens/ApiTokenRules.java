package de.vorlauf.webadmin.apitokens;

import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.common.InvalidInputException.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a new token must be: a name, known scopes (at least one), and an expiry in the future and at
 * most {@link #MAX_LIFETIME} ahead. A token without expiry would outlive the client, the person who
 * created it and the reason, so there is none; a year bounds what a forgotten token can do, and the
 * UI proposes {@link #DEFAULT_LIFETIME}.
 */
final class ApiTokenRules {

  static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);
  static final Duration MAX_LIFETIME = Duration.ofDays(365);

  // the table's check (V170) is the same
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._:-]{0,79}");

  /** A checked input: scopes deduplicated in {@link ApiTokenScope}'s order. */
  record Checked(String name, List<String> scopes, Instant expiresAt) {}

  private ApiTokenRules() {}

  /** Every broken rule at its field, or the checked input. */
  static Checked check(ApiTokenInput input, Instant now) {
    if (input == null) {
      throw new InvalidInputException(
          "a body {\"name\", \"scopes\": [\"optimize\", \"read\"], \"expiresAt\"} is required");
    }
    List<FieldError> errors = new ArrayList<>();
    String name = input.name() == null ? "" : input.name().strip();
    if (!NAME.matcher(name).matches()) {
      errors.add(
          new FieldError(
              "name",
              "name must be 1–80 letters, digits, spaces or . _ : - and start with a letter or"
                  + " digit"));
    }
    Set<ApiTokenScope> scopes = EnumSet.noneOf(ApiTokenScope.class);
    if (input.scopes() == null || input.scopes().isEmpty()) {
      errors.add(new FieldError("scopes", "give at least one scope: " + known()));
    } else {
      for (String code : input.scopes()) {
        Optional<ApiTokenScope> scope = ApiTokenScope.parse(code);
        scope.ifPresent(scopes::add);
        if (scope.isEmpty()) {
          errors.add(
              new FieldError("scopes", "unknown scope '" + code + "': known are " + known()));
        }
      }
    }
    Instant expiresAt = expiry(input.expiresAt(), now, errors);
    if (!errors.isEmpty()) {
      throw InvalidInputException.ofFields(errors);
    }
    return new Checked(name, scopes.stream().map(ApiTokenScope::code).toList(), expiresAt);
  }

  private static Instant expiry(String text, Instant now, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      errors.add(
          new FieldError(
              "expiresAt",
              "expiresAt is required: an ISO instant such as 2027-03-01T00:00:00Z, at most "
                  + MAX_LIFETIME.toDays()
                  + " days ahead"));
      return null;
    }
    Instant expiresAt;
    try {
      expiresAt = OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(
              "expiresAt", "expiresAt must be an ISO instant such as 2027-03-01T00:00:00Z"));
      return null;
    }
    if (!expiresAt.isAfter(now)) {
      errors.add(new FieldError("expiresAt", "expiresAt must lie in the future"));
    } else if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
      errors.add(
          new FieldError(
              "expiresAt",
              "expiresAt must lie at most "
                  + MAX_LIFETIME.toDays()
                  + " days ahead; create a new token when this one ends"));
    }
    return expiresAt;
  }

  private static String known() {
    return String.join(", ", ApiTokenScope.codes());
  }
}
