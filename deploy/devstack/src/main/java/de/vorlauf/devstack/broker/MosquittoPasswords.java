package de.vorlauf.devstack.broker;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * {@code mosquitto_passwd}'s {@code $7$} hash (PBKDF2-HMAC-SHA512, 101 iterations, 12-byte salt,
 * 64-byte hash, padded base64) for the service accounts the launcher creates.
 *
 * <p>A deliberate duplicate of {@code de.vorlauf.persistence.registry.MosquittoPasswordHash}: the
 * launcher has to write the broker's first password file before any product code runs (the broker
 * starts before the migrations), and devstack cannot depend on the product modules because they use
 * devstack in their tests. Both are checked against the real broker and {@code mosquitto_passwd} by
 * tests.
 */
public final class MosquittoPasswords {

  private static final int ITERATIONS = 101;
  private static final int SALT_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private MosquittoPasswords() {}

  public static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    Base64.Encoder base64 = Base64.getEncoder();
    return "$7$"
        + ITERATIONS
        + "$"
        + base64.encodeToString(salt)
        + "$"
        + base64.encodeToString(pbkdf2(password, salt, ITERATIONS));
  }

  /** False for a wrong password and for anything that is not a {@code $7$} hash. */
  public static boolean matches(String password, String encoded) {
    String[] parts = encoded.split("\\$");
    if (parts.length != 5 || !parts[0].isEmpty() || !parts[1].equals("7")) {
      return false;
    }
    try {
      byte[] salt = Base64.getDecoder().decode(parts[3]);
      byte[] expected = Base64.getDecoder().decode(parts[4]);
      return MessageDigest.isEqual(expected, pbkdf2(password, salt, Integer.parseInt(parts[2])));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 512);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA512 is part of every JDK 17", e);
    } finally {
      spec.clearPassword();
    }
  }
}
