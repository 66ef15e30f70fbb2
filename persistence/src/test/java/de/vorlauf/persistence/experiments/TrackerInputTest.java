package de.vorlauf.persistence.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the tracker refuses before any SQL (not retryable), and the code version it records. */
class TrackerInputTest {

  @Test
  void badNamesAndValuesAreRefusedBeforeTheDatabase() {
    assertThat(Keys.experiment("heat-demand.v2")).isEqualTo("heat-demand.v2");
    assertThatThrownBy(() -> Keys.experiment("heat demand")).hasMessageContaining("experiment");
    assertThat(Keys.key("val/rmse")).isEqualTo("val/rmse");
    assertThatThrownBy(() -> Keys.key("")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Keys.artifact("model/heat-demand.onnx")).isEqualTo("model/heat-demand.onnx");
    assertThatThrownBy(() -> Keys.artifact("model/../../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MetricStep(-1, 0.5)).hasMessageContaining("step");
    assertThatThrownBy(() -> new MetricStep(0, Double.NaN)).hasMessageContaining("finite");
    assertThatThrownBy(
            () -> new FeatureWindow(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 1), null))
        .hasMessageContaining("after");
    assertThat(new FeatureWindow(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1), null))
        .extracting(FeatureWindow::buildingIds)
        .isEqualTo(List.of());
  }

  @Test
  void theCodeVersionIsTheBuildsVersionAndCommit() {
    BuildInfo current = BuildInfo.current();
    assertThat(current.version()).isNotEqualTo("unknown").doesNotContain("${");
    assertThat(current.codeVersion()).startsWith(current.version() + "+");
    assertThat(new BuildInfo("0.1.0", "3f2c1ab9d0e4f5a6b7c8").codeVersion())
        .isEqualTo("0.1.0+3f2c1ab9d0e4");
  }
}
