package de.vorlauf.domain.heating;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HeatingTypeTest {

  @Test
  void theRegistryCodesStayTheSourceDocuments() {
    assertThat(HeatingType.codes()).containsExactly("gas", "fernwaerme", "waermepumpe", "hybrid");
    assertThat(HeatingType.allCodes()).isEqualTo("gas, fernwaerme, waermepumpe, hybrid");
    assertThat(HeatingType.fromCode("fernwaerme")).contains(HeatingType.FERNWAERME);
    assertThat(HeatingType.fromCode("coal")).isEmpty();
    assertThat(HeatingType.fromCode(null)).isEmpty();
  }

  /** Pins what a new type must bring: a label, limits, and a default curve the registry takes. */
  @ParameterizedTest
  @EnumSource(HeatingType.class)
  void everyTypeHasLimitsAndAValidDefaultCurve(HeatingType type) {
    assertThat(type.label()).isNotBlank();
    assertThat(HeatingType.fromCode(type.code())).contains(type);
    EquipmentLimits limits = type.limits();
    assertThat(limits.minFlowC()).isLessThan(limits.maxFlowC());
    HeatingCurve curve = type.defaultCurve();
    assertThat(
            HeatingCurve.problems(
                curve.baseC(), curve.slope(), curve.minFlowC(), curve.maxFlowC(), type))
        .isEmpty();
  }

  @Test
  void theLimitsAreTheOnesTheSimulatorEnforced() {
    for (HeatingType type : HeatingType.values()) {
      assertThat(type.limits().minFlowC()).isEqualTo(20.0);
    }
    assertThat(HeatingType.GAS.limits().maxFlowC()).isEqualTo(80.0);
    assertThat(HeatingType.FERNWAERME.limits().maxFlowC()).isEqualTo(80.0);
    assertThat(HeatingType.HYBRID.limits().maxFlowC()).isEqualTo(80.0);
    assertThat(HeatingType.WAERMEPUMPE.limits().maxFlowC()).isEqualTo(55.0);
    assertThat(HeatingType.FERNWAERME.limits().maxReturnC()).isEqualTo(50.0);
    assertThat(HeatingType.GAS.limits().hasReturnLimit()).isFalse();
    assertThat(HeatingType.FERNWAERME.limits().hasReturnLimit()).isTrue();
  }
}
