package de.vorlauf.domain.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The part of a registered model the rules look at: each version's stage and who holds which alias.
 * Immutable; {@link ModelRules} returns a new one.
 *
 * @param stages stage by version number
 * @param aliases version number by alias, for the aliases that are held
 */
public record ModelState(SortedMap<Integer, Stage> stages, Map<Alias, Integer> aliases) {

  public ModelState {
    stages = Collections.unmodifiableSortedMap(new TreeMap<>(stages));
    EnumMap<Alias, Integer> copy = new EnumMap<>(Alias.class);
    copy.putAll(aliases);
    aliases = Collections.unmodifiableMap(copy);
  }

  public static ModelState empty() {
    return new ModelState(new TreeMap<>(), Map.of());
  }

  public Optional<Integer> holder(Alias alias) {
    return Optional.ofNullable(aliases.get(alias));
  }

  public Optional<Stage> stage(int version) {
    return Optional.ofNullable(stages.get(version));
  }

  /** The number the next registered version gets. */
  public int nextVersion() {
    return stages.isEmpty() ? 1 : stages.lastKey() + 1;
  }

  /**
   * Where this state breaks the rules {@link ModelRules} keeps (empty: it keeps them). A state read
   * from the database is checked before a transition, so a broken one is refused, not built on.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (Alias alias : Alias.values()) {
      Integer holder = aliases.get(alias);
      if (holder != null && stages.get(holder) != alias.stage()) {
        problems.add(
            "the "
                + alias.label()
                + " is version "
                + holder
                + ", which is "
                + stages.get(holder)
                + " instead of "
                + alias.stage());
      }
      stages.forEach(
          (version, stage) -> {
            if (stage == alias.stage() && !version.equals(holder)) {
              problems.add(
                  "version " + version + " is " + stage + " without being the " + alias.label());
            }
          });
    }
    return problems;
  }

  ModelState with(int version, Stage stage) {
    TreeMap<Integer, Stage> next = new TreeMap<>(stages);
    next.put(version, stage);
    return new ModelState(next, aliases);
  }

  ModelState withAlias(Alias alias, Integer version) {
    EnumMap<Alias, Integer> next = new EnumMap<>(Alias.class);
    next.putAll(aliases);
    if (version == null) {
      next.remove(alias);
    } else {
      next.put(alias, version);
    }
    return new ModelState(stages, next);
  }
}
