package de.vorlauf.simulator.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * {@code <state>/backfill.done}: present once a backfill was published completely (every message
 * acknowledged by the broker). A simulator started again on the same state folder goes live at once
 * instead of publishing the history a second time.
 */
final class BackfillMarker {

  static final String FILE = "backfill.done";

  private final Path file;

  BackfillMarker(Path stateDir) {
    this.file = stateDir.resolve(FILE);
  }

  boolean exists() {
    return Files.exists(file);
  }

  void write(Instant from, Instant to, long readings) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(FILE + ".tmp");
      Files.writeString(tmp, "from=%s%nto=%s%nreadings=%d%n".formatted(from, to, readings));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
