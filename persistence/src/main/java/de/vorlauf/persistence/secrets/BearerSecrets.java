package de.vorlauf.persistence.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The shape of Vorlauf's bearer secrets (devices' {@code vlf_}, machine clients' {@code vlt_}): a
 * prefix that tells secret scanners and people which kind of credential leaked, then 32 random
 * bytes in unpadded base64url (43 characters).
 *
 * <p>Stored only as {@link #sha256}: with 256 random bits there is nothing to guess, so a fast hash
 * is enough and lets every request find its credential by one index lookup. A slow password hash
 * (PBKDF2, bcrypt) protects low-entropy passwords and would only cost CPU per request here.
 */
public final class BearerSecrets {

  private static final int RANDOM_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private BearerSecrets() {}

  /** A new secret with the prefix. */
  public static String generate(String prefix) {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * What {@link #generate} makes with the prefix: for checking a presented string before lookup.
   */
  public static Pattern format(String prefix) {
    return Pattern.compile(Pattern.quote(prefix) + "[A-Za-z0-9_-]{43}");
  }

  public static byte[] sha256(String secret) {
    Objects.requireNonNull(secret, "secret");
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
