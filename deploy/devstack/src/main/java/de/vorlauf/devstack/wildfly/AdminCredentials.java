package de.vorlauf.devstack.wildfly;

import de.vorlauf.devstack.service.Secrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The admin login of the web UI, as files for WildFly's Elytron properties realm: user {@value
 * #USER}, realm {@value #REALM}, role {@value #ROLE}. The password is generated on first start and
 * kept in secrets/admin-password; the realm files are rewritten from it at every start.
 */
public record AdminCredentials(String user, Path passwordFile, Path usersFile, Path rolesFile) {

  public static final String USER = "admin";
  public static final String REALM = "vorlauf";
  public static final String ROLE = "vorlauf-admin";

  /** Makes sure the password and both realm files exist in {@code secretsDir}. */
  public static AdminCredentials ensure(Path secretsDir) {
    Path passwordFile = secretsDir.resolve("admin-password");
    String password = Secrets.readOrCreate(passwordFile);
    return write(secretsDir, password, passwordFile);
  }

  /** Writes realm files for a known password (tests use their own). */
  public static AdminCredentials write(Path secretsDir, String password) {
    return write(secretsDir, password, null);
  }

  private static AdminCredentials write(Path secretsDir, String password, Path passwordFile) {
    Path users = secretsDir.resolve("admin-users.properties");
    Path roles = secretsDir.resolve("admin-roles.properties");
    Secrets.writePrivate(users, usersFileContent(USER, password));
    Secrets.writePrivate(roles, USER + "=" + ROLE + "\n");
    return new AdminCredentials(USER, passwordFile, users, roles);
  }

  /** Content of an Elytron users properties file with one pre-digested (MD5) entry. */
  public static String usersFileContent(String user, String password) {
    return "#$REALM_NAME=" + REALM + "$\n" + user + "=" + digest(user, password) + "\n";
  }

  /** Lower-case hex MD5 of "user:realm:password", the format Elytron expects. */
  static String digest(String user, String password) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      byte[] hash =
          md5.digest((user + ":" + REALM + ":" + password).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every JVM", e);
    }
  }
}
