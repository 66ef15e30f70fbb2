package de.vorlauf.devstack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Stream;

/** The last lines of a log file, for error messages that point at the cause. */
public final class LogTail {

  private LogTail() {}

  public static String of(Path logFile, int lines) {
    if (!Files.exists(logFile)) {
      return "(no log file)";
    }
    Deque<String> tail = new ArrayDeque<>(lines);
    try (Stream<String> all = Files.lines(logFile, StandardCharsets.ISO_8859_1)) {
      all.forEach(
          line -> {
            if (tail.size() == lines) {
              tail.removeFirst();
            }
            tail.addLast(line);
          });
    } catch (IOException | RuntimeException e) {
      return "(log not readable: " + e + ")";
    }
    return String.join("\n", tail);
  }
}
