package de.vorlauf.domain.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * WildFly reads some variables itself, through {@code ${env.X:default}} expressions in the CLI
 * scripts under deploy/wildfly. Their defaults must be the declared ones, or WildFly and the worker
 * would look for the same service in two places.
 */
class WildflyCliDefaultsTest {

  /** One {@code ${env.NAME:default}} expression; default null when the expression has none. */
  record Expression(Path file, String name, String defaultText) {}

  @Test
  void everyEnvExpressionUnderDeployWildflyHasTheDeclaredDefault() {
    List<Expression> expressions = expressions();
    assertThat(expressions)
        .as("the CLI scripts read the database from the environment")
        .extracting(Expression::name)
        .contains(DatabaseVars.URL.name(), DatabaseVars.USER.name(), DatabaseVars.PASSWORD.name());
    for (Expression e : expressions) {
      Optional<EnvVar<?>> declared = EnvVars.named(e.name());
      assertThat(declared).as("%s in %s is declared in EnvVars", e.name(), e.file()).isPresent();
      assertThat(e.defaultText())
          .as("default of %s in %s", e.name(), e.file())
          .isEqualTo(declared.get().defaultText());
      assertThat(declared.get().readBy()).as("readers of %s", e.name()).contains(ReadBy.WILDFLY);
    }
  }

  @Test
  void commentsDoNotCount() {
    assertThat(withoutComments("# ${env.X:y}\n<!-- ${env.Z} -->\nkeep ${env.A}\n"))
        .doesNotContain("env.X")
        .doesNotContain("env.Z")
        .contains("${env.A}");
  }

  @Test
  void nestedExpressionsInADefaultAreKeptWhole() {
    assertThat(parse(Path.of("x"), "a ${env.A:${jboss.dir}/f.properties} b ${env.B} ${env.C:}"))
        .containsExactly(
            new Expression(Path.of("x"), "A", "${jboss.dir}/f.properties"),
            new Expression(Path.of("x"), "B", null),
            new Expression(Path.of("x"), "C", ""));
  }

  private static List<Expression> expressions() {
    Path wildfly = RepositoryFiles.root().resolve("deploy/wildfly");
    List<Expression> found = new ArrayList<>();
    for (Path file : RepositoryFiles.find(wildfly, "")) {
      String name = file.getFileName().toString();
      if (name.endsWith(".java") || name.endsWith(".md") || name.endsWith(".jar")) {
        continue;
      }
      String text = withoutComments(RepositoryFiles.read(file));
      if (text.contains("${env.")) {
        found.addAll(parse(wildfly.getParent().getParent().relativize(file), text));
      }
    }
    return found;
  }

  /** CLI comment lines and XML comments explain the syntax; they configure nothing. */
  static String withoutComments(String text) {
    return text.replaceAll("(?s)<!--.*?-->", "").replaceAll("(?m)^\\s*#.*$", "");
  }

  /** Finds every {@code ${env.…}} and its default up to the matching brace. */
  static List<Expression> parse(Path file, String text) {
    List<Expression> found = new ArrayList<>();
    int at = text.indexOf("${env.");
    while (at >= 0) {
      int start = at + "${env.".length();
      int depth = 1;
      int end = start;
      while (end < text.length() && depth > 0) {
        char c = text.charAt(end);
        if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth--;
        }
        end++;
      }
      String body = text.substring(start, end - 1);
      int colon = body.indexOf(':');
      found.add(
          colon < 0
              ? new Expression(file, body, null)
              : new Expression(file, body.substring(0, colon), body.substring(colon + 1)));
      at = text.indexOf("${env.", end);
    }
    return found;
  }
}
