package de.vorlauf.domain.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.heating.NightSetback;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The source document's comfort checks, and the target the optimiser aims at. */
class ComfortConstraintCheckerTest {

  private static final Instant NOON = Instant.parse("2026-01-15T11:00:00Z");
  private static final Instant MIDNIGHT = Instant.parse("2026-01-15T23:00:00Z");

  private final BuildingConfig config =
      BuildingConfig.defaults("b1", HeatingType.GAS, SyntheticHouse.BERLIN);
  private final ComfortConstraintChecker checker = new ComfortConstraintChecker(config);

  @Test
  void theSourceDocumentsMessages() {
    assertThat(checker.check(19.5)).contains("Below minimum: 19.5°C < 20.0°C");
    assertThat(checker.check(22.5)).contains("Above maximum: 22.5°C > 22.0°C");
    assertThat(checker.check(20.0)).isEmpty();
    assertThat(checker.check(21.0)).isEmpty();
    assertThat(checker.check(22.0)).isEmpty();
  }

  @Test
  void aimsJustAboveTheMinimumWithALargerMarginWhenTheRoomIsOnlyEstimated() {
    assertThat(checker.targetRoomC(NOON, true, true))
        .isEqualTo(20.0 + ComfortConstraintChecker.MARGIN_MEASURED_K);
    assertThat(checker.targetRoomC(NOON, false, true))
        .isEqualTo(20.0 + ComfortConstraintChecker.MARGIN_ESTIMATED_K);
    assertThat(ComfortConstraintChecker.MARGIN_ESTIMATED_K)
        .isGreaterThan(ComfortConstraintChecker.MARGIN_MEASURED_K);
  }

  @Test
  void theNightSetbackNeverTakesTheTargetBelowTheMinimumPlusMargin() {
    // 23:00 UTC is midnight in Berlin: inside the default 22–6 window
    assertThat(config.nightSetback().activeAt(MIDNIGHT, config.timeZone())).isTrue();
    assertThat(checker.targetRoomC(MIDNIGHT, true, true)).isEqualTo(checker.floorC(true));
  }

  @Test
  void aSmallSetbackInAWideBandStillKeepsTheFloor() {
    ComfortConstraintChecker wide = checker(23.0, new NightSetback(true, 22, 6, 0.2));

    assertThat(wide.targetRoomC(MIDNIGHT, false, true)).isEqualTo(20.8);
    assertThat(wide.targetRoomC(MIDNIGHT, false, false)).isEqualTo(20.8);
  }

  @Test
  void theTargetStaysWithinANarrowBand() {
    assertThat(checker(20.5, NightSetback.DEFAULT).targetRoomC(NOON, false, true)).isEqualTo(20.5);
  }

  /** A gas building with comfort 20 °C to {@code maxC}. */
  private static ComfortConstraintChecker checker(double maxC, NightSetback setback) {
    return new ComfortConstraintChecker(
        new BuildingConfig(
            "b2",
            HeatingType.GAS,
            SyntheticHouse.BERLIN,
            null,
            null,
            1,
            true,
            20.0,
            maxC,
            setback,
            HeatingType.GAS.defaultCurve()));
  }
}
