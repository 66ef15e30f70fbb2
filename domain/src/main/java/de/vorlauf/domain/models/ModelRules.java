package de.vorlauf.domain.models;

import de.vorlauf.domain.models.Change.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The model registry's rules, in one place: every change to a model's versions goes through one of
 * these functions, which take the current {@link ModelState} and return the next one with its log
 * lines, or a refusal that says why. The database stores what they return; promotion and rollouts
 * will call them too.
 *
 * <ol>
 *   <li><b>Champion ⇔ Production.</b> The version holding {@code champion} is in Production, and no
 *       other version is. Setting a new champion moves the previous one to Archived; clearing the
 *       champion archives its version, leaving the model without one.
 *   <li><b>At most one challenger, in Staging.</b> The version holding {@code challenger} is in
 *       Staging and no other version is. A challenger replaced or cleared returns to None; a
 *       challenger made champion leaves the challenger slot empty.
 *   <li><b>A new version never displaces a challenger.</b> A registered version takes the
 *       challenger slot when it is free (so the newest candidate gets evaluated) and otherwise
 *       waits in None: a challenger that is being evaluated or rolled out is not replaced behind
 *       its back.
 *   <li>The champion cannot also be the challenger; the champion and the challenger cannot be
 *       archived (clear or move the alias first). An archived version may become champion again (a
 *       rollback) or challenger.
 *   <li>Asking for the state there already is (the champion set again on its holder, clearing a
 *       free alias) is allowed and changes nothing: a retried request is harmless.
 * </ol>
 *
 * <p><b>The seam for gated promotion.</b> Every alias move names its {@link Authority}. Until gated
 * promotion exists, the only authority for a move is {@link Authority#MANUAL_BEFORE_PROMOTION} (an
 * operator, with a reason). The promotion issue adds a gate's authority and a break-glass one, and
 * makes {@link #setAlias} and {@link #clearAlias} refuse {@code MANUAL_BEFORE_PROMOTION}: a manual
 * move then needs the explicit break-glass flag, checked here and nowhere else.
 */
public final class ModelRules {

  private ModelRules() {}

  /** A new version, numbered after the last; takes the challenger slot if it is free. */
  public static Transition register(ModelState state) {
    Optional<Transition> broken = broken(state);
    if (broken.isPresent()) {
      return broken.get();
    }
    int version = state.nextVersion();
    List<Change> changes = new ArrayList<>();
    ModelState next = state.with(version, Stage.NONE);
    changes.add(new Change(version, Kind.REGISTERED, null, null, Stage.NONE));
    if (state.holder(Alias.CHALLENGER).isEmpty()) {
      next = next.with(version, Stage.STAGING).withAlias(Alias.CHALLENGER, version);
      changes.add(new Change(version, Kind.ALIAS_SET, Alias.CHALLENGER, Stage.NONE, Stage.STAGING));
    }
    return new Transition.Applied(next, changes);
  }

  /** Gives {@code alias} to {@code version}, taking it from its previous holder. */
  public static Transition setAlias(
      ModelState state, Alias alias, int version, Authority authority) {
    Optional<Transition> refused = broken(state).or(() -> unauthorised(authority));
    if (refused.isPresent()) {
      return refused.get();
    }
    Optional<Stage> stage = state.stage(version);
    if (stage.isEmpty()) {
      return new Transition.Refused("version " + version + " does not exist");
    }
    Optional<Integer> holder = state.holder(alias);
    if (holder.isPresent() && holder.get() == version) {
      return new Transition.Applied(state, List.of());
    }
    if (alias == Alias.CHALLENGER && state.holder(Alias.CHAMPION).orElse(-1) == version) {
      return new Transition.Refused(
          "version " + version + " is the champion; the champion cannot also be the challenger");
    }
    List<Change> changes = new ArrayList<>();
    ModelState next = state;
    if (holder.isPresent()) {
      Stage leaving = alias == Alias.CHAMPION ? Stage.ARCHIVED : Stage.NONE;
      next = next.with(holder.get(), leaving).withAlias(alias, null);
      changes.add(new Change(holder.get(), Kind.ALIAS_CLEARED, alias, alias.stage(), leaving));
    }
    if (alias == Alias.CHAMPION && state.holder(Alias.CHALLENGER).orElse(-1) == version) {
      // the challenger won: its slot is free again
      next = next.withAlias(Alias.CHALLENGER, null);
      changes.add(
          new Change(
              version, Kind.ALIAS_CLEARED, Alias.CHALLENGER, Stage.STAGING, Stage.PRODUCTION));
    }
    Stage from = next.stage(version).orElseThrow();
    next = next.with(version, alias.stage()).withAlias(alias, version);
    changes.add(new Change(version, Kind.ALIAS_SET, alias, from, alias.stage()));
    return new Transition.Applied(next, changes);
  }

  /** Takes {@code alias} from its holder; the model then has no champion (or challenger). */
  public static Transition clearAlias(ModelState state, Alias alias, Authority authority) {
    Optional<Transition> refused = broken(state).or(() -> unauthorised(authority));
    if (refused.isPresent()) {
      return refused.get();
    }
    Optional<Integer> holder = state.holder(alias);
    if (holder.isEmpty()) {
      return new Transition.Applied(state, List.of());
    }
    Stage leaving = alias == Alias.CHAMPION ? Stage.ARCHIVED : Stage.NONE;
    ModelState next = state.with(holder.get(), leaving).withAlias(alias, null);
    return new Transition.Applied(
        next, List.of(new Change(holder.get(), Kind.ALIAS_CLEARED, alias, alias.stage(), leaving)));
  }

  /** Sets a version that holds no alias aside. */
  public static Transition archive(ModelState state, int version) {
    Optional<Transition> broken = broken(state);
    if (broken.isPresent()) {
      return broken.get();
    }
    Optional<Stage> stage = state.stage(version);
    if (stage.isEmpty()) {
      return new Transition.Refused("version " + version + " does not exist");
    }
    for (Alias alias : Alias.values()) {
      if (state.holder(alias).orElse(-1) == version) {
        return new Transition.Refused(
            "version "
                + version
                + " is the "
                + alias.label()
                + "; move or clear the alias before archiving it");
      }
    }
    if (stage.get() == Stage.ARCHIVED) {
      return new Transition.Applied(state, List.of());
    }
    return new Transition.Applied(
        state.with(version, Stage.ARCHIVED),
        List.of(new Change(version, Kind.STAGE_CHANGED, null, stage.get(), Stage.ARCHIVED)));
  }

  private static Optional<Transition> broken(ModelState state) {
    List<String> problems = state.problems();
    return problems.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new Transition.Refused(
                "the registry's state breaks its rules (" + String.join("; ", problems) + ")"));
  }

  private static Optional<Transition> unauthorised(Authority authority) {
    return authority == Authority.MANUAL_BEFORE_PROMOTION
        ? Optional.empty()
        : Optional.of(
            new Transition.Refused(
                "an alias moves on an operator's authority ("
                    + Authority.MANUAL_BEFORE_PROMOTION.label()
                    + "), not "
                    + (authority == null ? "none" : authority.label())));
  }
}
