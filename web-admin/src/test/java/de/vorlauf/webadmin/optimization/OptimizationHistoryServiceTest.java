package de.vorlauf.webadmin.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizationHistoryServiceTest {

  @Test
  void theHourlyOriginIsShownUnlessAnotherIsAskedForOrItHasNoResults() {
    assertThat(OptimizationHistoryService.chosenOrigin(null, List.of("closed-loop", "hourly")))
        .isEqualTo("hourly");
    assertThat(OptimizationHistoryService.chosenOrigin(null, List.of("closed-loop")))
        .isEqualTo("closed-loop");
    assertThat(OptimizationHistoryService.chosenOrigin(" ", List.of())).isEqualTo("hourly");
    assertThat(OptimizationHistoryService.chosenOrigin("realtime", List.of("hourly")))
        .isEqualTo("realtime");
  }
}
