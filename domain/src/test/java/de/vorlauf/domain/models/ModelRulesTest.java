package de.vorlauf.domain.models;

import static de.vorlauf.domain.models.Authority.MANUAL_BEFORE_PROMOTION;
import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.models.Change.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ModelRulesTest {

  private static ModelState applied(Transition transition) {
    assertThat(transition).isInstanceOf(Transition.Applied.class);
    return ((Transition.Applied) transition).state();
  }

  private static List<Change> changes(Transition transition) {
    assertThat(transition).isInstanceOf(Transition.Applied.class);
    return ((Transition.Applied) transition).changes();
  }

  private static String refusal(Transition transition) {
    assertThat(transition).isInstanceOf(Transition.Refused.class);
    return ((Transition.Refused) transition).reason();
  }

  /** Versions 1..n registered, nothing moved: 1 is the challenger, the rest wait. */
  private static ModelState registered(int n) {
    ModelState state = ModelState.empty();
    for (int i = 0; i < n; i++) {
      state = applied(ModelRules.register(state));
    }
    return state;
  }

  private static ModelState set(ModelState state, Alias alias, int version) {
    return applied(ModelRules.setAlias(state, alias, version, MANUAL_BEFORE_PROMOTION));
  }

  @Test
  void theFirstVersionBecomesTheChallengerAndLaterOnesWaitInNone() {
    Transition first = ModelRules.register(ModelState.empty());
    assertThat(changes(first))
        .containsExactly(
            new Change(1, Kind.REGISTERED, null, null, Stage.NONE),
            new Change(1, Kind.ALIAS_SET, Alias.CHALLENGER, Stage.NONE, Stage.STAGING));
    Transition second = ModelRules.register(applied(first));
    assertThat(changes(second))
        .containsExactly(new Change(2, Kind.REGISTERED, null, null, Stage.NONE));
    ModelState state = applied(second);
    assertThat(state.holder(Alias.CHALLENGER)).contains(1);
    assertThat(state.stage(2)).contains(Stage.NONE);
    assertThat(state.holder(Alias.CHAMPION)).isEmpty();
  }

  @Test
  void aNewVersionTakesTheChallengerSlotOnceItIsFree() {
    ModelState state = set(registered(2), Alias.CHAMPION, 1);
    assertThat(state.holder(Alias.CHALLENGER)).isEmpty();
    ModelState third = applied(ModelRules.register(state));
    assertThat(third.holder(Alias.CHALLENGER)).contains(3);
    assertThat(third.stage(2)).contains(Stage.NONE);
  }

  @Test
  void aChallengerMadeChampionLeavesStagingAndFreesTheSlot() {
    Transition t = ModelRules.setAlias(registered(2), Alias.CHAMPION, 1, MANUAL_BEFORE_PROMOTION);
    assertThat(changes(t))
        .containsExactly(
            new Change(1, Kind.ALIAS_CLEARED, Alias.CHALLENGER, Stage.STAGING, Stage.PRODUCTION),
            new Change(1, Kind.ALIAS_SET, Alias.CHAMPION, Stage.STAGING, Stage.PRODUCTION));
    ModelState state = applied(t);
    assertThat(state.aliases()).isEqualTo(Map.of(Alias.CHAMPION, 1));
    assertThat(state.stage(1)).contains(Stage.PRODUCTION);
  }

  @Test
  void aNewChampionArchivesThePreviousOne() {
    ModelState state = set(set(registered(2), Alias.CHAMPION, 1), Alias.CHAMPION, 2);
    assertThat(state.stage(1)).contains(Stage.ARCHIVED);
    assertThat(state.stage(2)).contains(Stage.PRODUCTION);
    assertThat(state.problems()).isEmpty();
  }

  @Test
  void anArchivedVersionMayBecomeChampionAgain() {
    ModelState state = set(set(registered(2), Alias.CHAMPION, 1), Alias.CHAMPION, 2);
    ModelState rolledBack = set(state, Alias.CHAMPION, 1);
    assertThat(rolledBack.stage(1)).contains(Stage.PRODUCTION);
    assertThat(rolledBack.stage(2)).contains(Stage.ARCHIVED);
  }

  @Test
  void aReplacedChallengerWaitsInNoneAgain() {
    Transition t = ModelRules.setAlias(registered(2), Alias.CHALLENGER, 2, MANUAL_BEFORE_PROMOTION);
    assertThat(changes(t))
        .containsExactly(
            new Change(1, Kind.ALIAS_CLEARED, Alias.CHALLENGER, Stage.STAGING, Stage.NONE),
            new Change(2, Kind.ALIAS_SET, Alias.CHALLENGER, Stage.NONE, Stage.STAGING));
  }

  @Test
  void theChampionCannotAlsoBeTheChallenger() {
    ModelState state = set(registered(2), Alias.CHAMPION, 1);
    assertThat(refusal(ModelRules.setAlias(state, Alias.CHALLENGER, 1, MANUAL_BEFORE_PROMOTION)))
        .contains("version 1 is the champion", "cannot also be the challenger");
  }

  @Test
  void anUnknownVersionIsRefused() {
    assertThat(
            refusal(ModelRules.setAlias(registered(1), Alias.CHAMPION, 9, MANUAL_BEFORE_PROMOTION)))
        .isEqualTo("version 9 does not exist");
    assertThat(refusal(ModelRules.archive(registered(1), 9))).isEqualTo("version 9 does not exist");
  }

  @Test
  void clearingTheChampionArchivesItAndClearingTheChallengerReturnsItToNone() {
    ModelState state = set(registered(2), Alias.CHAMPION, 1);
    state = set(state, Alias.CHALLENGER, 2);
    Transition champion = ModelRules.clearAlias(state, Alias.CHAMPION, MANUAL_BEFORE_PROMOTION);
    assertThat(changes(champion))
        .containsExactly(
            new Change(1, Kind.ALIAS_CLEARED, Alias.CHAMPION, Stage.PRODUCTION, Stage.ARCHIVED));
    Transition challenger =
        ModelRules.clearAlias(applied(champion), Alias.CHALLENGER, MANUAL_BEFORE_PROMOTION);
    assertThat(applied(challenger).stage(2)).contains(Stage.NONE);
    assertThat(applied(challenger).aliases()).isEmpty();
  }

  @Test
  void repeatingAMoveChangesNothing() {
    ModelState state = set(registered(2), Alias.CHAMPION, 1);
    Transition again = ModelRules.setAlias(state, Alias.CHAMPION, 1, MANUAL_BEFORE_PROMOTION);
    assertThat(changes(again)).isEmpty();
    assertThat(applied(again)).isEqualTo(state);
    assertThat(changes(ModelRules.clearAlias(state, Alias.CHALLENGER, MANUAL_BEFORE_PROMOTION)))
        .isEmpty();
  }

  @Test
  void aliasHoldersCannotBeArchivedOthersCan() {
    ModelState state = set(registered(3), Alias.CHAMPION, 2);
    state = set(state, Alias.CHALLENGER, 1);
    assertThat(refusal(ModelRules.archive(state, 2))).contains("is the champion", "move or clear");
    assertThat(refusal(ModelRules.archive(state, 1))).contains("is the challenger");
    Transition archived = ModelRules.archive(state, 3);
    assertThat(changes(archived))
        .containsExactly(new Change(3, Kind.STAGE_CHANGED, null, Stage.NONE, Stage.ARCHIVED));
    assertThat(changes(ModelRules.archive(applied(archived), 3))).isEmpty();
  }

  @Test
  void onlyAnOperatorsAuthorityMovesAliasesToday() {
    assertThat(
            refusal(ModelRules.setAlias(registered(1), Alias.CHAMPION, 1, Authority.REGISTRATION)))
        .contains("manual-before-promotion");
    assertThat(refusal(ModelRules.clearAlias(registered(1), Alias.CHALLENGER, null)))
        .contains("not none");
  }

  @Test
  void aBrokenStateIsRefusedNotBuiltOn() {
    TreeMap<Integer, Stage> stages =
        new TreeMap<>(Map.of(1, Stage.PRODUCTION, 2, Stage.PRODUCTION));
    ModelState broken = new ModelState(stages, Map.of(Alias.CHAMPION, 1));
    assertThat(broken.problems())
        .containsExactly("version 2 is PRODUCTION without being the champion");
    assertThat(refusal(ModelRules.register(broken))).contains("breaks its rules");
  }

  /** Any sequence of moves, allowed or refused, keeps the invariants. */
  @Test
  void randomMovesKeepTheInvariants() {
    for (long seed = 0; seed < 200; seed++) {
      Random random = new Random(seed);
      ModelState state = ModelState.empty();
      List<String> moves = new ArrayList<>();
      for (int step = 0; step < 40; step++) {
        int version = 1 + random.nextInt(state.nextVersion());
        Alias alias = Alias.values()[random.nextInt(2)];
        Transition t =
            switch (random.nextInt(4)) {
              case 0 -> ModelRules.register(state);
              case 1 -> ModelRules.setAlias(state, alias, version, MANUAL_BEFORE_PROMOTION);
              case 2 -> ModelRules.clearAlias(state, alias, MANUAL_BEFORE_PROMOTION);
              default -> ModelRules.archive(state, version);
            };
        moves.add(t.toString());
        if (t instanceof Transition.Applied applied) {
          for (Change change : applied.changes()) {
            assertThat(applied.state().stage(change.version())).isPresent();
          }
          state = applied.state();
        }
        assertThat(state.problems()).as("seed %d after %s", seed, moves).isEmpty();
      }
    }
  }

  @Test
  void referencesParseAliasesAndNumbers() {
    assertThat(VersionRef.parse("Champion")).contains(new VersionRef.ByAlias(Alias.CHAMPION));
    assertThat(VersionRef.parse("challenger")).contains(new VersionRef.ByAlias(Alias.CHALLENGER));
    assertThat(VersionRef.parse("3")).contains(new VersionRef.ByNumber(3));
    assertThat(VersionRef.parse("v12")).contains(new VersionRef.ByNumber(12));
    assertThat(VersionRef.parse("0")).isEmpty();
    assertThat(VersionRef.parse("latest")).isEmpty();
    assertThat(VersionRef.parse(null)).isEmpty();
  }
}
