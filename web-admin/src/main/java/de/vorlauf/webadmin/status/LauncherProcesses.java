package de.vorlauf.webadmin.status;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads the launcher's {@code supervision.properties} (written by deploy/devstack's {@code
 * SupervisionFiles}: {@code processes=a,b}, then {@code a.state}, {@code a.pid}, {@code
 * a.restarts}, {@code a.lastReason}, {@code a.lastRestart}). The WAR does not depend on the
 * launcher's code: the file is the interface. Missing or unreadable: no processes.
 */
final class LauncherProcesses {

  private LauncherProcesses() {}

  static List<LauncherProcessDto> read(Optional<Path> file) {
    if (file.isEmpty() || !Files.isReadable(file.get())) {
      return List.of();
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file.get())) {
      p.load(in);
    } catch (IOException e) {
      return List.of();
    }
    List<LauncherProcessDto> processes = new ArrayList<>();
    for (String name : p.getProperty("processes", "").split(",")) {
      if (name.isBlank()) {
        continue;
      }
      processes.add(
          new LauncherProcessDto(
              name,
              p.getProperty(name + ".state", "UNKNOWN"),
              number(p.getProperty(name + ".pid")),
              (int) number(p.getProperty(name + ".restarts")),
              p.getProperty(name + ".lastReason"),
              instant(p.getProperty(name + ".lastRestart"))));
    }
    return List.copyOf(processes);
  }

  private static long number(String value) {
    try {
      return value == null ? 0 : Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Instant instant(String value) {
    try {
      return value == null ? null : Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
