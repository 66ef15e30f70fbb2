package de.vorlauf.domain.config;

import java.util.List;

/**
 * The environment does not describe a usable configuration; the message lists every problem, each
 * naming the variable, its value and what it accepts. An {@link IllegalArgumentException}, so
 * callers that reject bad input in general need no second catch.
 */
public class ConfigException extends IllegalArgumentException {

  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super("invalid configuration:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
