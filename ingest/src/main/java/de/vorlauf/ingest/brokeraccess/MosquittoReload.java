package de.vorlauf.ingest.brokeraccess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SIGHUP to the Mosquitto whose pid is in a pid file (its own {@code pid_file}, or the launcher's
 * {@code <pid>\n<start millis>}): Mosquitto 2.0 then reloads {@code password_file} and {@code
 * acl_file}, and disconnects clients whose password no longer matches. The process must be alive
 * and be a {@code mosquitto}, so a stale pid file never signals an unrelated process. Java cannot
 * send SIGHUP itself, hence {@code kill -HUP}.
 */
public final class MosquittoReload implements BrokerReload {

  private final Path pidFile;

  public MosquittoReload(Path pidFile) {
    this.pidFile = pidFile;
  }

  @Override
  public String reload() {
    long pid = pid();
    ProcessHandle process =
        ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            .orElseThrow(
                () -> new IllegalStateException("no process " + pid + " (" + pidFile + ")"));
    String command = process.info().command().orElse("");
    if (!Path.of(command).getFileName().toString().startsWith("mosquitto")) {
      throw new IllegalStateException(
          "process " + pid + " from " + pidFile + " is not mosquitto but '" + command + "'");
    }
    try {
      Process kill =
          new ProcessBuilder(List.of("kill", "-HUP", Long.toString(pid)))
              .redirectErrorStream(true)
              .start();
      String output = new String(kill.getInputStream().readAllBytes()).strip();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -HUP " + pid + " failed: " + output);
      }
      return "sent SIGHUP to mosquitto (pid " + pid + ")";
    } catch (IOException e) {
      throw new IllegalStateException("cannot run kill -HUP " + pid + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling mosquitto", e);
    }
  }

  private long pid() {
    try {
      List<String> lines = Files.readAllLines(pidFile);
      return Long.parseLong(lines.get(0).strip());
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read a pid from " + pidFile + ": " + e, e);
    }
  }
}
