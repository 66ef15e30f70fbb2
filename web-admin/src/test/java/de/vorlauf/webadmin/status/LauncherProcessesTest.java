package de.vorlauf.webadmin.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherProcessesTest {

  @TempDir Path dir;

  @Test
  void readsTheLaunchersFile() throws Exception {
    Path file = dir.resolve("supervision.properties");
    Files.writeString(
        file,
        """
        # Written by the Vorlauf launcher's supervisor.
        limits=5 restarts within 10 min
        processes=database,worker
        database.state=RUNNING
        database.pid=41
        database.restarts=0
        worker.state=RUNNING
        worker.pid=4242
        worker.restarts=1
        worker.lastReason=exit code 137 (SIGKILL)
        worker.lastRestart=2026-12-03T12:50:46.436Z
        """);

    assertThat(LauncherProcesses.read(Optional.of(file)))
        .containsExactly(
            new LauncherProcessDto("database", "RUNNING", 41, 0, null, null),
            new LauncherProcessDto(
                "worker",
                "RUNNING",
                4242,
                1,
                "exit code 137 (SIGKILL)",
                Instant.parse("2026-12-03T12:50:46.436Z")));
  }

  @Test
  void withoutALauncherThereAreNoProcesses() {
    assertThat(LauncherProcesses.read(Optional.empty())).isEmpty();
    assertThat(LauncherProcesses.read(Optional.of(dir.resolve("missing")))).isEmpty();
  }
}
