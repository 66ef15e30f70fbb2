package de.vorlauf.domain.broker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Mosquitto {@code password_file}: {@code user:hash} per line, {@code #} comments. Read by
 * brokers other than Mosquitto (the embedded HiveMQ), which verify a password against the hash with
 * {@link MosquittoPasswordHash#verify}, as Mosquitto does.
 */
public final class MosquittoPasswordFile {

  private MosquittoPasswordFile() {}

  /** User name to hash; for a user listed twice the last line wins, as in Mosquitto. */
  public static Map<String, String> parse(String text) {
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      int colon = line.indexOf(':');
      if (line.isEmpty() || line.startsWith("#") || colon <= 0) {
        continue;
      }
      hashes.put(line.substring(0, colon), line.substring(colon + 1));
    }
    return hashes;
  }
}
