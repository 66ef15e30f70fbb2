package de.vorlauf.worker.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogbackLevelsTest {

  private final LoggerContext context = new LoggerContext();
  private final LogbackLevels levels = new LogbackLevels(context);

  @Test
  void setsTheWantedLevelsAndResetsThoseNoLongerWanted() {
    context.getLogger("io.temporal").setLevel(Level.INFO);

    levels.apply(Map.of("io.temporal", "DEBUG", "de.vorlauf.ingest", "TRACE"));
    assertThat(context.getLogger("io.temporal").getLevel()).isEqualTo(Level.DEBUG);
    assertThat(context.getLogger("de.vorlauf.ingest").getLevel()).isEqualTo(Level.TRACE);

    levels.apply(Map.of("io.temporal", "WARN"));
    assertThat(context.getLogger("io.temporal").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("de.vorlauf.ingest").getLevel()).as("inherited again").isNull();

    levels.apply(Map.of());
    assertThat(context.getLogger("io.temporal").getLevel())
        .as("back to the configured level")
        .isEqualTo(Level.INFO);
  }

  @Test
  void theRootLoggerIsNamedRoot() {
    context.getLogger("ROOT").setLevel(Level.INFO);

    levels.apply(Map.of("ROOT", "ERROR"));

    assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel())
        .isEqualTo(Level.ERROR);
  }
}
