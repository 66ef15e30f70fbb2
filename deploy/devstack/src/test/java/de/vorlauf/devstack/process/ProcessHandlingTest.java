package de.vorlauf.devstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessHandlingTest {

  @TempDir Path dir;

  @Test
  void aProcessLeftByAnEarlierRunIsFoundAndStopped() throws Exception {
    Process orphan = new ProcessBuilder("sleep", "60").start();
    Path pidFile = dir.resolve("run/orphan.pid");
    PidFile.write(pidFile, orphan.toHandle());

    assertThat(PidFile.liveProcess(pidFile)).map(ProcessHandle::pid).contains(orphan.pid());
    PidFile.stopLeftover(pidFile, "orphan");

    assertThat(orphan.isAlive()).isFalse();
    assertThat(pidFile).doesNotExist();
  }

  @Test
  void aPidFileOfAFinishedProcessIsIgnored() throws Exception {
    Process done = new ProcessBuilder("true").start();
    done.waitFor();
    Path pidFile = dir.resolve("done.pid");
    PidFile.write(pidFile, done.toHandle());

    assertThat(PidFile.liveProcess(pidFile)).isEmpty();
  }

  @Test
  void aChildProcessLogsToItsFileAndStopsWithItsChildren() throws Exception {
    ChildProcess child =
        ChildProcess.start(
            "shell",
            java.util.List.of("sh", "-c", "echo started; sleep 60 & wait"),
            java.util.Map.of(),
            dir,
            dir.resolve("logs/shell.log"),
            dir.resolve("shell.pid"),
            Duration.ofSeconds(5));
    Readiness.await(
        "echo",
        Duration.ofSeconds(5),
        () -> LogTail.of(dir.resolve("logs/shell.log"), 1).equals("started"),
        child::deathNotice);
    ProcessHandle grandchild =
        ProcessHandle.of(child.pid()).orElseThrow().descendants().findFirst().orElseThrow();

    child.stop();

    assertThat(child.isAlive()).isFalse();
    assertThat(grandchild.isAlive()).isFalse();
  }

  @Test
  void readinessGivesUpWithTheReasonWhenTheProcessDies() {
    assertThatThrownBy(
            () -> Readiness.await("x", Duration.ofSeconds(5), () -> false, () -> "it crashed"))
        .hasMessage("x did not become ready: it crashed");
    assertThatThrownBy(() -> Readiness.await("y", Duration.ofMillis(300), () -> false, () -> null))
        .hasMessageContaining("y did not become ready within");
  }
}
