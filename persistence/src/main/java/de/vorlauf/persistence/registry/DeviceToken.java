package de.vorlauf.persistence.registry;

import de.vorlauf.persistence.secrets.BearerSecrets;
import java.util.regex.Pattern;

/**
 * A device's secret: {@code vlf_} followed by 32 random bytes in unpadded base64url (47
 * characters). The prefix makes a leaked token recognisable to secret scanners and to people.
 *
 * <p>Stored only as {@link #sha256()} ({@link BearerSecrets}: why a fast hash).
 */
public final class DeviceToken {

  public static final String PREFIX = "vlf_";
  private static final Pattern FORMAT = BearerSecrets.format(PREFIX);

  private final String value;

  private DeviceToken(String value) {
    this.value = value;
  }

  public static DeviceToken generate() {
    return new DeviceToken(BearerSecrets.generate(PREFIX));
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
    return BearerSecrets.sha256(token);
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
