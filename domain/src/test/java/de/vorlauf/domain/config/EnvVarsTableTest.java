package de.vorlauf.domain.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The declarations are the configuration's single source: the table in docs/configuration.md is
 * generated from them, and no main source may name a variable past them.
 */
class EnvVarsTableTest {

  /** A variable's name as a string literal: how code reads or hands on a variable. */
  private static final Pattern LITERAL = Pattern.compile("\"((?:VORLAUF|TEMPORAL)_[A-Z0-9_]+)\"");

  private static final Path DECLARATIONS = Path.of("domain/src/main/java/de/vorlauf/domain/config");

  @Test
  void docsConfigurationMdIsTheTableOfTheDeclarations() throws IOException {
    Path docs = RepositoryFiles.root().resolve("docs/configuration.md");
    String expected = EnvVars.markdown();
    String actual = Files.exists(docs) ? Files.readString(docs) : "";
    if (!actual.equals(expected)) {
      Path generated = Path.of("target/configuration.md").toAbsolutePath();
      Files.createDirectories(generated.getParent());
      Files.writeString(generated, expected);
      assertThat(actual)
          .as("docs/configuration.md is out of date: cp %s %s", generated, docs)
          .isEqualTo(expected);
    }
  }

  @Test
  void everyVariableIsDeclaredOnceWithItsMeaningAndReaders() {
    List<EnvVar<?>> all = EnvVars.all();
    Set<String> names = new HashSet<>();
    for (EnvVar<?> variable : all) {
      assertThat(names.add(variable.name())).as("%s declared twice", variable).isTrue();
      assertThat(variable.meaning()).as("meaning of %s", variable).isNotBlank();
      assertThat(variable.readBy()).as("readers of %s", variable).isNotEmpty();
    }
  }

  @Test
  void noMainSourceNamesAVariableOutsideTheDeclarations() {
    Set<String> undeclared = new TreeSet<>();
    Set<String> literalsOutside = new TreeSet<>();
    Path root = RepositoryFiles.root();
    for (Path file : RepositoryFiles.mainSources()) {
      Matcher m = LITERAL.matcher(RepositoryFiles.read(file));
      boolean declarations = root.relativize(file).startsWith(DECLARATIONS);
      while (m.find()) {
        if (EnvVars.named(m.group(1)).isEmpty()) {
          undeclared.add(m.group(1) + " in " + root.relativize(file));
        }
        if (!declarations) {
          literalsOutside.add(m.group(1) + " in " + root.relativize(file));
        }
      }
    }
    assertThat(undeclared).as("variables named but not declared in EnvVars").isEmpty();
    assertThat(literalsOutside)
        .as("variables named as literals: use the declaration (e.g. MqttVars.URL.name())")
        .isEmpty();
  }

  @Test
  void onlyTheEdgesReadTheEnvironment() {
    Set<String> readers = new TreeSet<>();
    Path root = RepositoryFiles.root();
    for (Path file : RepositoryFiles.mainSources()) {
      String code = RepositoryFiles.read(file).replaceAll("(?s)/\\*.*?\\*/", "");
      if (code.contains("System.getenv(")) {
        readers.add(file.getFileName().toString());
      }
    }
    // the main methods and CDI producers; Executables reads PATH and the test-data cache
    // XDG_CACHE_HOME, neither of which is ours; FreePorts, a process-wide allocator, its range
    // once (VORLAUF_FREE_PORTS, set by the build per module)
    assertThat(readers)
        .as("classes calling System.getenv (STYLE rule 3: read once at the edge)")
        .isSubsetOf(
            "WorkerMain.java",
            "Launcher.java",
            "SimulatorMain.java",
            "AdminConfigProducer.java",
            "IngestConfigProducer.java",
            "IntegrationsProducer.java",
            "ReadingsLimitsProducer.java",
            "Executables.java",
            "FreePorts.java",
            "TestDataCache.java");
    assertThat(root.resolve(DECLARATIONS)).isDirectory();
  }
}
