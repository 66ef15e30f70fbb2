package de.vorlauf.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.migration.TimescaleSetup.Action;
import de.vorlauf.persistence.migration.TimescaleSetup.ServerFacts;
import org.junit.jupiter.api.Test;

class TimescaleSetupTest {

  @Test
  void plainPostgresqlSkips() {
    assertThat(TimescaleSetup.decide(new ServerFacts(null, null, "")))
        .isEqualTo(Action.SKIP_NOT_AVAILABLE);
  }

  @Test
  void installedButNotPreloadedSkipsInsteadOfFailingTheTransaction() {
    assertThat(TimescaleSetup.decide(new ServerFacts("2.28.0", null, "pg_stat_statements")))
        .isEqualTo(Action.SKIP_NOT_PRELOADED);
  }

  @Test
  void preloadedIsEnabled() {
    assertThat(
            TimescaleSetup.decide(
                new ServerFacts("2.28.0", null, "pg_stat_statements, timescaledb")))
        .isEqualTo(Action.ENABLE);
  }

  @Test
  void unreadablePreloadSettingIsTriedUnderTheSavepoint() {
    assertThat(TimescaleSetup.decide(new ServerFacts("2.28.0", null, null)))
        .isEqualTo(Action.ENABLE);
  }

  @Test
  void alreadyCreatedExtensionIsUsed() {
    assertThat(TimescaleSetup.decide(new ServerFacts("2.28.0", "2.28.0", "")))
        .isEqualTo(Action.ENABLE);
  }

  @Test
  void preloadListAcceptsQuotesPathsAndVersionedLibraries() {
    assertThat(TimescaleSetup.isPreloaded("'timescaledb'")).isTrue();
    assertThat(TimescaleSetup.isPreloaded("\"$libdir/timescaledb\"")).isTrue();
    assertThat(TimescaleSetup.isPreloaded("timescaledb-2.28.0")).isTrue();
    assertThat(TimescaleSetup.isPreloaded("timescaledb_toolkit")).isFalse();
  }
}
