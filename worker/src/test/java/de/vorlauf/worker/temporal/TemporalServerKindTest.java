package de.vorlauf.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemporalServerKindTest {

  @Test
  void sqlitePersistenceIsTheDevServer() {
    TemporalServerKind kind = TemporalServerKind.fromClusterInfo("1.29.1", "sqlite");
    assertThat(kind.label()).isEqualTo("Temporal dev server 1.29.1 (sqlite)");
    assertThat(kind.inJvmTestServer()).isFalse();
  }

  @Test
  void otherPersistenceIsACluster() {
    assertThat(TemporalServerKind.fromClusterInfo("1.27.0", "postgres12").label())
        .isEqualTo("Temporal server 1.27.0 (postgres12)");
  }
}
