package de.vorlauf.domain.broker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Mosquitto 2.0 {@code acl_file}, read with Mosquitto's rules, so that a broker other than
 * Mosquitto (the embedded HiveMQ) grants exactly what the one export writes for Mosquitto: one
 * source of truth for both. A topic added to the export reaches every broker that reads the file.
 *
 * <p>What Mosquitto does and this reproduces: {@code topic [read|write|readwrite|deny] TOPIC} lines
 * belong to the {@code user} section above them (lines before the first {@code user} belong to
 * anonymous clients); {@code pattern} lines apply to every client, with {@code %u} replaced by its
 * user name and {@code %c} by its client id; an access word left out means {@code readwrite}; a
 * user name or client id holding {@code +}, {@code #} or {@code /} is not substituted, so such a
 * pattern grants nothing. {@code #} starts a comment line. Anything else is refused with its line
 * number, as Mosquitto refuses to load such a file.
 */
public final class MosquittoAcl {

  /** What a rule grants: read covers subscribing and receiving, write publishing. */
  public enum Access {
    READ,
    WRITE,
    READWRITE,
    DENY;

    public boolean reads() {
      return this == READ || this == READWRITE;
    }

    public boolean writes() {
      return this == WRITE || this == READWRITE;
    }
  }

  /** One granted (or, with DENY, withheld) topic filter, wildcards as in MQTT. */
  public record Rule(Access access, String topic) {}

  private final List<Rule> anonymous;
  private final Map<String, List<Rule>> users;
  private final List<Rule> patterns;

  private MosquittoAcl(List<Rule> anonymous, Map<String, List<Rule>> users, List<Rule> patterns) {
    this.anonymous = List.copyOf(anonymous);
    this.users = Map.copyOf(users);
    this.patterns = List.copyOf(patterns);
  }

  /**
   * @throws IllegalArgumentException naming the first line Mosquitto would not accept either
   */
  public static MosquittoAcl parse(String text) {
    List<Rule> anonymous = new ArrayList<>();
    Map<String, List<Rule>> users = new LinkedHashMap<>();
    List<Rule> patterns = new ArrayList<>();
    List<Rule> section = anonymous;
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] words = line.split("\\s+", 2);
      if (words.length < 2) {
        throw new IllegalArgumentException(
            "acl line " + (i + 1) + ": '" + line + "' is incomplete");
      }
      switch (words[0]) {
        case "user" -> section = users.computeIfAbsent(words[1].strip(), u -> new ArrayList<>());
        case "topic" -> section.add(rule(words[1], i + 1));
        case "pattern" -> patterns.add(rule(words[1], i + 1));
        default ->
            throw new IllegalArgumentException(
                "acl line " + (i + 1) + ": unknown keyword '" + words[0] + "'");
      }
    }
    return new MosquittoAcl(anonymous, users, patterns);
  }

  private static Rule rule(String rest, int lineNumber) {
    String[] words = rest.strip().split("\\s+", 2);
    Access access =
        switch (words[0].toLowerCase(Locale.ROOT)) {
          case "read" -> Access.READ;
          case "write" -> Access.WRITE;
          case "readwrite" -> Access.READWRITE;
          case "deny" -> Access.DENY;
          default -> null;
        };
    String topic = access == null ? rest.strip() : words.length > 1 ? words[1].strip() : "";
    if (topic.isEmpty()) {
      throw new IllegalArgumentException("acl line " + lineNumber + ": no topic");
    }
    return new Rule(access == null ? Access.READWRITE : access, topic);
  }

  /**
   * The rules of a logged-in client: its user section, then every pattern with {@code %u} and
   * {@code %c} replaced. A user without a section still gets the patterns, as in Mosquitto.
   */
  public List<Rule> rulesFor(String user, String clientId) {
    List<Rule> rules = new ArrayList<>(users.getOrDefault(user, List.of()));
    for (Rule pattern : patterns) {
      boolean needsUser = pattern.topic().contains("%u");
      boolean needsClient = pattern.topic().contains("%c");
      if ((needsUser && !topicLevelSafe(user)) || (needsClient && !topicLevelSafe(clientId))) {
        continue;
      }
      String topic = pattern.topic();
      if (needsUser) {
        topic = topic.replace("%u", user);
      }
      if (needsClient) {
        topic = topic.replace("%c", clientId);
      }
      rules.add(new Rule(pattern.access(), topic));
    }
    return rules;
  }

  /** Rules for clients without a user name (the launcher's brokers refuse those). */
  public List<Rule> anonymousRules() {
    return anonymous;
  }

  private static boolean topicLevelSafe(String value) {
    return value != null
        && !value.isEmpty()
        && value.indexOf('+') < 0
        && value.indexOf('#') < 0
        && value.indexOf('/') < 0;
  }
}
