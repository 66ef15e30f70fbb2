package de.vorlauf.webadmin.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceOriginsTest {

  @Test
  void parsesTheLauncherFormat() {
    ServiceOrigins origins =
        ServiceOrigins.parse(
            "database=embedded PostgreSQL (zonky);mqtt=Mosquitto 2.0 (started by Vorlauf);"
                + "temporal=Temporal CLI dev server");

    assertThat(origins.labelOf("database")).contains("embedded PostgreSQL (zonky)");
    assertThat(origins.labelOf("mqtt")).contains("Mosquitto 2.0 (started by Vorlauf)");
    assertThat(origins.labelOf("temporal")).contains("Temporal CLI dev server");
    assertThat(origins.labelOf("worker")).isEmpty();
  }

  @Test
  void keepsEqualsSignsInsideTheLabelAndIgnoresCaseOfTheName() {
    ServiceOrigins origins = ServiceOrigins.parse(" Database = PostgreSQL at host=db ");

    assertThat(origins.labelOf("database")).contains("PostgreSQL at host=db");
  }

  @Test
  void ignoresMalformedEntries() {
    ServiceOrigins origins =
        ServiceOrigins.parse(";=nameless;mqtt=;noequals;temporal=in-JVM test server;");

    assertThat(origins.labels()).containsOnlyKeys("temporal");
  }

  @Test
  void unsetOrBlankMeansNoLabels() {
    assertThat(ServiceOrigins.parse(null).labels()).isEmpty();
    assertThat(ServiceOrigins.parse("  ").labels()).isEmpty();
  }
}
