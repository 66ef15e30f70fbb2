package de.vorlauf.webadmin.apitokens;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The scopes a token can carry, a fixed set: resources name them in {@code @TokenScope}, and a new
 * one is added here (the table stores the codes and checks only that there is one).
 */
public enum ApiTokenScope {
  /** {@code POST /api/v1/optimize}: ask for a real-time recommendation. */
  OPTIMIZE,
  /** Every GET under {@code /api/v1} that is not marked otherwise. */
  READ;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ApiTokenScope> parse(String code) {
    return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(ApiTokenScope::code).toList();
  }
}
