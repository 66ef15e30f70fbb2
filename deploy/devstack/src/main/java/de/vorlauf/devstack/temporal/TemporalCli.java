package de.vorlauf.devstack.temporal;

import de.vorlauf.devstack.process.Executables;
import de.vorlauf.devstack.process.LogTail;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Temporal CLI binary: found on the PATH or in ~/.cache/vorlauf/bin, or built there once with
 * Go. v1.5.1 is the last release that {@code go install} accepts (later ones carry a replace).
 */
final class TemporalCli {

  static final String MODULE = "github.com/temporalio/cli/cmd/temporal@v1.5.1";
  private static final Logger LOG = LoggerFactory.getLogger(TemporalCli.class);

  private TemporalCli() {}

  static Optional<Path> locate() {
    return Executables.find("temporal", Executables.cacheBin().resolve("temporal"));
  }

  static Optional<Path> goBinary() {
    return Executables.find("go", Path.of("/usr/local/go/bin/go"));
  }

  /**
   * Builds the CLI into ~/.cache/vorlauf/bin. A file lock makes a second launcher wait for the
   * first build instead of starting its own.
   */
  static Path build(Path logDir) {
    Path bin = Executables.cacheBin();
    Path target = bin.resolve("temporal");
    Path go = goBinary().orElseThrow(() -> new IllegalStateException("Go is not installed"));
    try {
      Files.createDirectories(bin);
      Files.createDirectories(logDir);
      try (FileChannel channel =
              FileChannel.open(
                  bin.resolve(".temporal-build.lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        if (Files.isExecutable(target)) {
          return target;
        }
        runGoInstall(go, bin, logDir.resolve("temporal-build.log"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the Temporal CLI into " + bin, e);
    }
    if (!Files.isExecutable(target)) {
      throw new IllegalStateException("go install finished but " + target + " is missing");
    }
    return target;
  }

  private static void runGoInstall(Path go, Path bin, Path logFile) throws IOException {
    LOG.info(
        "Building the Temporal CLI once with Go ({}); this takes several minutes. Progress: {}",
        MODULE,
        logFile);
    ProcessBuilder builder =
        new ProcessBuilder(go.toString(), "install", "-v", MODULE).redirectErrorStream(true);
    builder.environment().put("GOBIN", bin.toString());
    Process process = builder.start();
    int lines = 0;
    try (BufferedReader output =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        log.write(line + "\n");
        if (++lines % 100 == 0) {
          log.flush();
          LOG.info("Temporal CLI build: {} packages so far (last: {})", lines, line);
        }
      }
    }
    try {
      if (!process.waitFor(1, TimeUnit.HOURS) || process.exitValue() != 0) {
        throw new IllegalStateException(
            "building the Temporal CLI failed; see " + logFile + ":\n" + LogTail.of(logFile, 20));
      }
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building the Temporal CLI", e);
    }
    LOG.info("Temporal CLI built into {}", bin);
  }

  /** "Server 1.29.1, UI 2.42.1" from {@code temporal --version}, or "" if unknown. */
  static String versions(Path binary) {
    try {
      Process process =
          new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(10, TimeUnit.SECONDS);
      return parseVersions(output);
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  static String parseVersions(String output) {
    int open = output.indexOf('(');
    int close = output.indexOf(')', open + 1);
    return open >= 0 && close > open ? output.substring(open + 1, close) : "";
  }
}
