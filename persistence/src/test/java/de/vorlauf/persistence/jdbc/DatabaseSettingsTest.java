package de.vorlauf.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

  @Test
  void passwordNeverAppearsInToString() {
    DatabaseSettings settings =
        new DatabaseSettings(
            "jdbc:postgresql://127.0.0.1:5432/x", "vorlauf", "s3cret", 4, Duration.ofSeconds(5));
    assertThat(settings.toString()).doesNotContain("s3cret").contains("***");
  }
}
