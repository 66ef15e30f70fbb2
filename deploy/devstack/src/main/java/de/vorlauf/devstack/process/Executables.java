package de.vorlauf.devstack.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds installed programs: on the PATH first, then in the given extra places. */
public final class Executables {

  private Executables() {}

  /** Searches {@code name} in the PATH of this process, then in {@code extra}. */
  public static Optional<Path> find(String name, Path... extra) {
    return find(name, System.getenv("PATH"), List.of(extra));
  }

  static Optional<Path> find(String name, String pathVariable, List<Path> extra) {
    List<Path> candidates = new ArrayList<>();
    if (pathVariable != null) {
      for (String dir : pathVariable.split(File.pathSeparator)) {
        if (!dir.isBlank()) {
          candidates.add(Path.of(dir, name));
        }
      }
    }
    candidates.addAll(extra);
    return candidates.stream()
        .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
        .findFirst();
  }

  /** $HOME/.cache/vorlauf/bin, where the Temporal CLI is built and cached. */
  public static Path cacheBin() {
    return Path.of(System.getProperty("user.home"), ".cache", "vorlauf", "bin");
  }
}
