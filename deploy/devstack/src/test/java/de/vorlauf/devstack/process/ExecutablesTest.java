package de.vorlauf.devstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutablesTest {

  @TempDir Path dir;

  @Test
  void thePathComesFirstThenTheExtraPlaces() throws Exception {
    Path onPath = executable(dir.resolve("bin"), "temporal");
    Path cached = executable(dir.resolve("cache"), "temporal");

    assertThat(Executables.find("temporal", dir.resolve("bin").toString(), List.of(cached)))
        .contains(onPath);
    assertThat(Executables.find("temporal", "/nonexistent", List.of(cached))).contains(cached);
  }

  @Test
  void filesThatAreNotExecutableDoNotCount() throws Exception {
    Files.createDirectories(dir.resolve("bin"));
    Files.writeString(dir.resolve("bin/mosquitto"), "");

    assertThat(Executables.find("mosquitto", dir.resolve("bin").toString(), List.of())).isEmpty();
  }

  private static Path executable(Path folder, String name) throws Exception {
    Files.createDirectories(folder);
    Path file = folder.resolve(name);
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
