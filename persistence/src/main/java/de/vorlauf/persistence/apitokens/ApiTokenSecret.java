package de.vorlauf.persistence.apitokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A machine client's API token: {@code vlt_} followed by 32 random bytes in unpadded base64url (47
 * characters), the same shape as a device's {@code vlf_} token ({@link
 * de.vorlauf.persistence.registry.DeviceToken}) with its own prefix, so a leaked one tells secret
 * scanners and people which kind of credential it is.
 *
 * <p>Stored only as {@link #sha256()}: with 256 random bits there is nothing to guess, so a fast
 * hash is enough and lets every request find its token by one index lookup. A slow password hash
 * (PBKDF2, bcrypt) protects low-entropy passwords and would only cost CPU per request here.
 */
public final class ApiTokenSecret {

  public static final String PREFIX = "vlt_";
  private static final int RANDOM_BYTES = 32;
  private static final Pattern FORMAT = Pattern.compile("vlt_[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String value;

  private ApiTokenSecret(String value) {
    this.value = value;
  }

  public static ApiTokenSecret generate() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return new ApiTokenSecret(
        PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** Whether a presented string can be an API token at all (checked before any lookup). */
  public static boolean wellFormed(String candidate) {
    return candidate != null && FORMAT.matcher(candidate).matches();
  }

  /** The secret; shown once to the admin who created it, never stored or logged. */
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

  /** The first characters, to tell tokens apart in lists without revealing the secret. */
  public String hint() {
    return value.substring(0, PREFIX.length() + 4);
  }

  @Override
  public String toString() {
    return "ApiTokenSecret[" + hint() + "…]";
  }
}
