package de.vorlauf.persistence.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A device's secret: {@code vlf_} followed by 32 random bytes in unpadded base64url (47
 * characters). The prefix makes a leaked token recognisable to secret scanners and to people.
 *
 * <p>Stored only as {@link #sha256()}: with 256 random bits there is nothing to guess, so a fast
 * hash is enough and lets every request find its credential by one index lookup. A slow password
 * hash (PBKDF2, bcrypt) protects low-entropy passwords and would only cost CPU per request here.
 */
public final class DeviceToken {

  public static final String PREFIX = "vlf_";
  private static final int RANDOM_BYTES = 32;
  private static final Pattern FORMAT = Pattern.compile("vlf_[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String value;

  private DeviceToken(String value) {
    this.value = value;
  }

  public static DeviceToken generate() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return new DeviceToken(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** Whether a presented string can be a token at all (checked before any database lookup). */
  public static boolean wellFormed(String candidate) {
    return candidate != null && FORMAT.matcher(candidate).matches();
  }

  /** The secret; shown once to the person who issued it, never stored or logged. */
  public String value() {
    return value;
  }

  public byte[] sha256() {
    return sha256(value);
  }

  public static byte[] sha256(String token) {
    Objects.requireNonNull(token, "token");
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The first characters, to tell credentials apart in lists without revealing the secret. */
  public String hint() {
    return value.substring(0, PREFIX.length() + 4) + "…";
  }

  @Override
  public String toString() {
    return "DeviceToken[" + hint() + "]";
  }
}
