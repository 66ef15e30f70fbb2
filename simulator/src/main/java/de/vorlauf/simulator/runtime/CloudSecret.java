package de.vorlauf.simulator.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The simulated cloud's client secret: read from its file (first line), or created there (0600)
 * when the file does not exist yet, so the simulator and the polling worker share it without it
 * ever being in the repository or a command line.
 */
final class CloudSecret {

  private CloudSecret() {}

  static String readOrCreate(Path file, Path stateDir) {
    Path path = file != null ? file : stateDir.resolve("vendor-sim-cloud-secret");
    try {
      if (Files.exists(path)) {
        String secret = Files.readAllLines(path).stream().findFirst().orElse("").strip();
        if (!secret.isEmpty()) {
          return secret;
        }
      }
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Files.createDirectories(path.toAbsolutePath().getParent());
      Files.deleteIfExists(path);
      Files.createFile(
          path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(path, secret + "\n");
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the cloud secret " + path, e);
    }
  }
}
