package de.vorlauf.workflows.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemporalServerKindTest {

  @Test
  void sqlitePersistenceIsTheDevServer() {
    TemporalServerKind kind = TemporalServerKind.fromClusterInfo("1.29.1", "sqlite");

    assertThat(kind.type()).isEqualTo(TemporalServerKind.Type.DEV_SERVER);
    assertThat(kind.label()).isEqualTo("Temporal dev server 1.29.1 (SQLite)");
    assertThat(kind.inJvmTestServer()).isFalse();
  }

  @Test
  void otherPersistenceIsACluster() {
    assertThat(TemporalServerKind.fromClusterInfo("1.28.0", "postgres12").label())
        .isEqualTo("Temporal cluster 1.28.0 (postgres12)");
    assertThat(TemporalServerKind.fromClusterInfo("", "").label()).isEqualTo("Temporal cluster");
  }

  @Test
  void theInJvmTestServerSaysWhatItCannotDo() {
    assertThat(TemporalServerKind.IN_JVM.inJvmTestServer()).isTrue();
    assertThat(TemporalServerKind.IN_JVM.label()).isEqualTo("in-JVM Temporal test server");
    assertThat(TemporalServerKind.IN_JVM_LIMITS)
        .anyMatch(limit -> limit.contains("Schedules"))
        .anyMatch(limit -> limit.contains("visibility"))
        .anyMatch(limit -> limit.contains("persisted"));
  }
}
