package de.vorlauf.domain.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads declared variables from an environment map (at the edge: {@code System.getenv()} in a main
 * method or CDI producer; a plain map in tests). A bad value is recorded and its default used, so
 * one start names every problem: {@link #throwIfInvalid()} then throws them all.
 */
public final class EnvReader {

  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  public EnvReader(Map<String, String> env) {
    this.env = Objects.requireNonNull(env, "env");
  }

  /** The value, or the default (null if there is none) when unset, blank or bad. */
  public <T> T get(EnvVar<T> variable) {
    return find(variable).orElse(variable.defaultValue());
  }

  /** The value when one is set and good; empty when unset or blank (and when bad: recorded). */
  public <T> Optional<T> find(EnvVar<T> variable) {
    String raw = env.get(variable.name());
    if (!variable.hasValue(raw)) {
      return Optional.empty();
    }
    try {
      return Optional.of(variable.parse(raw));
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return Optional.empty();
    }
  }

  public boolean isSet(EnvVar<?> variable) {
    return variable.hasValue(env.get(variable.name()));
  }

  /** A problem that involves more than one variable (e.g. a queue smaller than a batch). */
  public void problem(String text) {
    problems.add(text);
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  /**
   * @throws ConfigException listing every problem recorded so far
   */
  public void throwIfInvalid() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  /** Reads a file for {@link #secret}: the caller's I/O, since this package does none. */
  @FunctionalInterface
  public interface FileText {
    String read(Path file) throws IOException;
  }

  /**
   * A secret given as a file or as a value; the file wins, so a secret never has to live in the
   * environment. The file's content is the secret without the line break(s) an editor adds. An
   * unreadable file is recorded as a problem (null returned).
   */
  public String secret(EnvVar<String> value, EnvVar<Path> file, FileText files) {
    Optional<Path> path = find(file);
    if (path.isEmpty()) {
      return get(value);
    }
    try {
      return passwordFromFile(files.read(path.get()));
    } catch (IOException | RuntimeException e) {
      problems.add(
          "%s=%s: cannot read the file (%s)"
              .formatted(file.name(), path.get(), e.getClass().getSimpleName()));
      return null;
    }
  }

  static String passwordFromFile(String content) {
    return content.replaceAll("[\\r\\n]+$", "");
  }
}
