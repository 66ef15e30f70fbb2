package de.vorlauf.persistence.apitokens;

import de.vorlauf.persistence.secrets.BearerSecrets;
import java.util.regex.Pattern;

/**
 * A machine client's API token: {@code vlt_} followed by 32 random bytes in unpadded base64url (47
 * characters), the same shape as a device's {@code vlf_} token ({@link
 * de.vorlauf.persistence.registry.DeviceToken}) with its own prefix, so a leaked one tells secret
 * scanners and people which kind of credential it is.
 *
 * <p>Stored only as {@link #sha256()} ({@link BearerSecrets}: why a fast hash).
 */
public final class ApiTokenSecret {

  public static final String PREFIX = "vlt_";
  private static final Pattern FORMAT = BearerSecrets.format(PREFIX);

  private final String value;

  private ApiTokenSecret(String value) {
    this.value = value;
  }

  public static ApiTokenSecret generate() {
    return new ApiTokenSecret(BearerSecrets.generate(PREFIX));
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
    return BearerSecrets.sha256(token);
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
