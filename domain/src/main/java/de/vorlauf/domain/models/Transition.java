package de.vorlauf.domain.models;

import java.util.List;

/** What {@link ModelRules} decides: the new state with its log lines, or a refusal. */
public sealed interface Transition {

  /**
   * The move is allowed.
   *
   * @param changes empty when the state already was what was asked (a repeated request)
   */
  record Applied(ModelState state, List<Change> changes) implements Transition {
    public Applied {
      changes = List.copyOf(changes);
    }
  }

  /** The move would break a rule; {@code reason} says which, for a person. */
  record Refused(String reason) implements Transition {}
}
