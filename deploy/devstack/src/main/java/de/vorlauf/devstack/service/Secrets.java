package de.vorlauf.devstack.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/** Generated passwords and the owner-only files that keep them. Values are never logged. */
public final class Secrets {

  /** URL-safe: usable in properties files, URLs and shell variables without escaping. */
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  public static String generatePassword(int length) {
    StringBuilder password = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }

  /** The secret in {@code file}, generating a 24-character one on first use. */
  public static String readOrCreate(Path file) {
    if (Files.exists(file)) {
      return read(file);
    }
    String password = generatePassword(24);
    writePrivate(file, password + "\n");
    return password;
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read secret file " + file, e);
    }
  }

  /**
   * Writes {@code content} to {@code file} with mode 0600. The file gets its permissions before any
   * content is written and replaces the old one atomically.
   */
  public static void writePrivate(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Path temp =
          Files.createTempFile(
              file.getParent(),
              ".tmp-",
              ".secret",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write secret file " + file, e);
    }
  }
}
