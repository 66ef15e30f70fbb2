package de.vorlauf.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MigrationsTest {

  @Test
  void firstMigrationIsOnTheClasspathAndCreatesTheContractTables() throws IOException {
    try (InputStream in =
        getClass().getResourceAsStream("/db/migration/V1__platform_foundation.sql")) {
      assertThat(in).isNotNull();
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(sql)
          .contains(
              "CREATE TABLE buildings",
              "CREATE TABLE devices",
              "CREATE TABLE sensor_readings",
              "CREATE TABLE quarantine",
              "CREATE TABLE workflow_launches",
              "CREATE TABLE platform_probe");
    }
  }

  @Test
  void statusReportsTimescaleOnlyWhenTheExtensionIsThere() {
    assertThat(new DatabaseStatus("15.19", null, "2").timescaleActive()).isFalse();
    assertThat(new DatabaseStatus("15.19", "2.28.0", "2").timescaleActive()).isTrue();
  }
}
