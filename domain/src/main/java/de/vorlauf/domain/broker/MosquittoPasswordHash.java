package de.vorlauf.domain.broker;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes in the format of {@code mosquitto_passwd} for Mosquitto 2.0: {@code
 * $7$<iterations>$<base64 salt>$<base64 hash>}, PBKDF2-HMAC-SHA512 with a 12-byte salt and a
 * 64-byte hash, standard base64 with padding (see mosquitto's {@code password_mosq.c}). A line
 * {@code <user>:<hash>} of a Mosquitto {@code password_file} lets that user log in.
 *
 * <p>The one implementation for every writer of such files: the registry's device and gateway
 * credentials (persistence), the broker access export, and the launcher, which writes the
 * platform's service accounts before any product code runs. Pure computation, hence in domain.
 */
public final class MosquittoPasswordHash {

  /** mosquitto_passwd's default iteration count (PW_DEFAULT_ITERATIONS). */
  public static final int DEFAULT_ITERATIONS = 101;

  private static final int SALT_BYTES = 12;
  private static final int HASH_BITS = 512;
  private static final SecureRandom RANDOM = new SecureRandom();

  private MosquittoPasswordHash() {}

  /** A hash with a fresh random salt and mosquitto_passwd's iteration count. */
  public static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return hash(password, salt, DEFAULT_ITERATIONS);
  }

  public static String hash(String password, byte[] salt, int iterations) {
    Base64.Encoder base64 = Base64.getEncoder();
    return "$7$"
        + iterations
        + "$"
        + base64.encodeToString(salt)
        + "$"
        + base64.encodeToString(pbkdf2(password, salt, iterations));
  }

  /**
   * True when {@code password} matches a {@code $7$} hash, as Mosquitto would decide; false for a
   * wrong password and for anything that is not such a hash (a hand-edited or foreign file).
   */
  public static boolean verify(String password, String encoded) {
    Objects.requireNonNull(password, "password");
    // "$7$101$salt$hash" splits into "", "7", "101", salt, hash
    String[] parts = Objects.requireNonNull(encoded, "encoded").split("\\$");
    if (parts.length != 5 || !parts[0].isEmpty() || !parts[1].equals("7")) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[2]);
      byte[] salt = Base64.getDecoder().decode(parts[3]);
      byte[] expected = Base64.getDecoder().decode(parts[4]);
      return iterations > 0 && MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
    // mosquitto hashes strlen(password) bytes; PBEKeySpec turns the chars into UTF-8 bytes, the
    // same for the ASCII tokens and generated passwords used here
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA512 is part of every JDK 17", e);
    } finally {
      spec.clearPassword();
    }
  }
}
