package de.vorlauf.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.devstack.service.StateDir;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherLockTest {

  @TempDir Path dir;

  @Test
  void aSecondLauncherOnTheSameStateFolderIsRefused() throws Exception {
    StateDir state = new StateDir(dir).create();
    try (LauncherLock first = LauncherLock.acquire(state)) {
      assertThat(LauncherLock.runningPid(state)).contains(ProcessHandle.current().pid());
      assertThatThrownBy(() -> LauncherLock.acquire(state))
          .hasMessageContaining("already running on state folder " + state);
    }
    LauncherLock.acquire(state).close();
  }
}
