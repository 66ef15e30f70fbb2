package de.vorlauf.domain.models;

import java.util.Optional;

/**
 * How a consumer names a version: {@code champion}, {@code challenger} or a number ({@code 3}, also
 * written {@code v3}). One form for the API, the inference module and the edge export.
 */
public sealed interface VersionRef {

  record ByAlias(Alias alias) implements VersionRef {}

  record ByNumber(int number) implements VersionRef {}

  /** The reference a text names, or empty when it names none. */
  static Optional<VersionRef> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Optional<Alias> alias = Alias.parse(text);
    if (alias.isPresent()) {
      return Optional.of(new ByAlias(alias.get()));
    }
    String digits = text.strip();
    if (digits.startsWith("v") || digits.startsWith("V")) {
      digits = digits.substring(1);
    }
    if (!digits.matches("[1-9][0-9]{0,8}")) {
      return Optional.empty();
    }
    return Optional.of(new ByNumber(Integer.parseInt(digits)));
  }
}
