package de.vorlauf.ingest.brokeraccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessFileWriterTest {

  @TempDir Path dir;

  @Test
  void writesOwnerOnlyAndReplacesTheFileOnlyWhenTheContentChanged() throws Exception {
    Path file = dir.resolve("sub").resolve("passwd");

    assertThat(AccessFileWriter.writeIfChanged(file, "a:1\n")).isTrue();
    assertThat(Files.readString(file)).isEqualTo("a:1\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    Object inode = Files.readAttributes(file, "unix:ino").get("ino");

    assertThat(AccessFileWriter.writeIfChanged(file, "a:1\n")).isFalse();
    assertThat(Files.readAttributes(file, "unix:ino").get("ino")).isEqualTo(inode);

    assertThat(AccessFileWriter.writeIfChanged(file, "a:2\n")).isTrue();
    assertThat(Files.readString(file)).isEqualTo("a:2\n");
    // renamed over, not rewritten in place: a reader never sees a half-written file
    assertThat(Files.readAttributes(file, "unix:ino").get("ino")).isNotEqualTo(inode);
    try (var left = Files.list(file.getParent())) {
      assertThat(left).containsExactly(file);
    }
  }

  @Test
  void tightensAnUnchangedFileThatWasReadableByOthers() throws Exception {
    Path file = dir.resolve("acl");
    Files.writeString(file, "old\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    AccessFileWriter.writeIfChanged(file, "old\n");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }
}
