package de.vorlauf.devstack;

import de.vorlauf.devstack.service.Secrets;
import java.nio.file.Path;
import java.util.Map;

/** Typed access to environment variables with defaults and messages that name the variable. */
final class EnvReader {

  private final Map<String, String> env;

  EnvReader(Map<String, String> env) {
    this.env = env;
  }

  /** The value, or {@code fallback} if unset or blank. */
  String text(String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  Path path(String name, Path fallback) {
    String value = text(name, null);
    return value == null ? fallback : Path.of(value).toAbsolutePath().normalize();
  }

  int port(String name, int fallback) {
    return integer(name, fallback, 1, 65535);
  }

  int integer(String name, int fallback, int min, int max) {
    String value = text(name, null);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value);
      if (number < min || number > max) {
        throw new IllegalArgumentException(
            name + "=" + value + " is out of range " + min + ".." + max);
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + "=" + value + " is not a number", e);
    }
  }

  /** A secret given directly or as a file; the file wins when both are set. */
  String secret(String valueName, String fileName) {
    String file = text(fileName, null);
    return file != null ? Secrets.read(Path.of(file)) : text(valueName, null);
  }
}
