package de.vorlauf.devstack.temporal;

import static de.vorlauf.devstack.temporal.TemporalService.Plan.BUILD_CLI_THEN_DEV_SERVER;
import static de.vorlauf.devstack.temporal.TemporalService.Plan.CLI_DEV_SERVER;
import static de.vorlauf.devstack.temporal.TemporalService.Plan.EXTERNAL;
import static de.vorlauf.devstack.temporal.TemporalService.Plan.IN_JVM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemporalSelectionTest {

  private static final Optional<Path> INSTALLED = Optional.of(Path.of("/usr/bin/x"));
  private static final Optional<Path> MISSING = Optional.empty();

  @Test
  void temporalIsExternalThenCliThenGoBuildThenInJvm() {
    assertThat(TemporalService.plan("t:7233", TemporalKind.AUTO, INSTALLED, true))
        .isEqualTo(EXTERNAL);
    assertThat(TemporalService.plan(null, TemporalKind.AUTO, INSTALLED, true))
        .isEqualTo(CLI_DEV_SERVER);
    assertThat(TemporalService.plan(null, TemporalKind.AUTO, MISSING, true))
        .isEqualTo(BUILD_CLI_THEN_DEV_SERVER);
    assertThat(TemporalService.plan(null, TemporalKind.AUTO, MISSING, false)).isEqualTo(IN_JVM);
  }

  @Test
  void aTemporalPreferenceNarrowsTheChoice() {
    assertThat(TemporalService.plan(null, TemporalKind.IN_JVM, INSTALLED, true)).isEqualTo(IN_JVM);
    assertThat(TemporalService.plan(null, TemporalKind.CLI_DEV_SERVER, MISSING, true))
        .isEqualTo(BUILD_CLI_THEN_DEV_SERVER);
    assertThatThrownBy(
            () -> TemporalService.plan(null, TemporalKind.CLI_DEV_SERVER, MISSING, false))
        .hasMessageContaining("neither the temporal binary nor Go");
  }

  @Test
  void kindsParseFromEnvironmentValues() {
    assertThat(TemporalKind.parse("in-jvm")).isEqualTo(TemporalKind.IN_JVM);
    assertThat(TemporalKind.parse("cli")).isEqualTo(TemporalKind.CLI_DEV_SERVER);
    assertThatThrownBy(() -> TemporalKind.parse("cluster"))
        .hasMessageContaining("auto, cli or in-jvm");
  }
}
