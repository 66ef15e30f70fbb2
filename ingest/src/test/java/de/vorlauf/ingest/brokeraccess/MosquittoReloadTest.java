package de.vorlauf.ingest.brokeraccess;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reload guard: a stale or foreign pid file never signals an unrelated process. */
class MosquittoReloadTest {

  @TempDir Path dir;

  @Test
  void aReloadSignalsOnlyAMosquittoProcess() throws Exception {
    Path pidFile = dir.resolve("mosquitto.pid");
    Files.writeString(pidFile, ProcessHandle.current().pid() + "\n123\n");
    assertThatThrownBy(() -> new MosquittoReload(pidFile).reload())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not mosquitto");

    Files.writeString(pidFile, "not a pid\n");
    assertThatThrownBy(() -> new MosquittoReload(pidFile).reload())
        .hasMessageContaining("cannot read a pid");
    assertThatThrownBy(() -> new MosquittoReload(dir.resolve("absent")).reload())
        .hasMessageContaining("cannot read a pid");
  }
}
