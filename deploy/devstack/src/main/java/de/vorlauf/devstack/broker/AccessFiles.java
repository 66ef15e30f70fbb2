package de.vorlauf.devstack.broker;

import de.vorlauf.domain.broker.MosquittoAcl;
import de.vorlauf.domain.broker.MosquittoPasswordFile;
import de.vorlauf.domain.broker.MosquittoPasswordHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One reading of the broker access files in a folder ({@code passwd} and {@code acl}, the files the
 * worker's export writes for Mosquitto), interpreted with Mosquitto's rules: who may log in with
 * which password, and which topics each login may use.
 *
 * @param passwordText the file as read, to notice a change
 * @param aclText the file as read, to notice a change
 */
record AccessFiles(
    String passwordText, String aclText, Map<String, String> hashes, MosquittoAcl acl) {

  /** Nobody may log in: what a broker uses before the files exist. */
  static final AccessFiles NONE = new AccessFiles("", "", Map.of(), MosquittoAcl.parse(""));

  /** What a logged-in client may do, and what to compare at the next reload. */
  record Grant(List<MosquittoAcl.Rule> rules, String fingerprint) {}

  /**
   * @throws IOException when a file cannot be read; a missing file counts as empty
   * @throws IllegalArgumentException when the ACL has a line Mosquitto would refuse
   */
  static AccessFiles read(Path dir) throws IOException {
    String passwd = readOrEmpty(dir.resolve(MosquittoAccessBootstrap.PASSWORD_FILE));
    String acl = readOrEmpty(dir.resolve(MosquittoAccessBootstrap.ACL_FILE));
    return new AccessFiles(
        passwd, acl, MosquittoPasswordFile.parse(passwd), MosquittoAcl.parse(acl));
  }

  boolean sameTextAs(AccessFiles other) {
    return passwordText.equals(other.passwordText) && aclText.equals(other.aclText);
  }

  /** Empty for an unknown user or a wrong password (checked as Mosquitto checks its hashes). */
  Optional<Grant> login(String user, String password, String clientId) {
    String hash = hashes.get(user);
    if (hash == null || password == null || !MosquittoPasswordHash.verify(password, hash)) {
      return Optional.empty();
    }
    return Optional.of(grant(user, clientId).orElseThrow());
  }

  /** The grant the files give now; empty when the user can no longer log in at all. */
  Optional<Grant> grant(String user, String clientId) {
    String hash = hashes.get(user);
    if (hash == null) {
      return Optional.empty();
    }
    List<MosquittoAcl.Rule> rules = acl.rulesFor(user, clientId);
    return Optional.of(new Grant(rules, hash + "\n" + rules));
  }

  private static String readOrEmpty(Path file) throws IOException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return "";
    }
  }
}
