package de.vorlauf.devstack.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.devstack.service.Origin;
import org.junit.jupiter.api.Test;

class PostgresSelectionTest {

  @Test
  void aConfiguredDatabaseUrlMeansExternalOtherwiseEmbedded() {
    assertThat(PostgresService.origin("jdbc:postgresql://db/x")).isEqualTo(Origin.EXTERNAL);
    assertThat(PostgresService.origin(null)).isEqualTo(Origin.EMBEDDED);
    assertThat(PostgresService.origin("  ")).isEqualTo(Origin.EMBEDDED);
  }
}
