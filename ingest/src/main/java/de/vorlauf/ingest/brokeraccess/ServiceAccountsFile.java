package de.vorlauf.ingest.brokeraccess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The input that names the platform's own MQTT logins: a file in Mosquitto password file format
 * ({@code user:hash} per line, {@code #} comments), so that {@code mosquitto_passwd -c
 * service-accounts vorlauf-worker} creates it. The launcher writes it from its generated secrets;
 * on an external broker ops write it. Only the user names of {@link ServiceAccount} are accepted.
 */
public final class ServiceAccountsFile {

  /** What the file yields: the logins and a sentence for every line that was ignored. */
  public record Content(List<ServiceAccountLogin> logins, List<String> problems) {}

  private ServiceAccountsFile() {}

  /** An absent file yields no logins and one problem. */
  public static Content read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new Content(
          List.of(),
          List.of(file + " does not exist: the platform's own MQTT clients will be refused"));
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  static Content parse(String text, String source) {
    Map<ServiceAccount, ServiceAccountLogin> logins = new EnumMap<>(ServiceAccount.class);
    List<String> problems = new ArrayList<>();
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      String where = source + " line " + (i + 1);
      if (colon <= 0 || colon == line.length() - 1) {
        problems.add(where + ": expected user:hash");
        continue;
      }
      String user = line.substring(0, colon);
      Optional<ServiceAccount> account = ServiceAccount.byUsername(user);
      if (account.isEmpty()) {
        problems.add(where + ": unknown service account '" + user + "' ignored");
        continue;
      }
      logins.put(account.get(), new ServiceAccountLogin(account.get(), line.substring(colon + 1)));
    }
    return new Content(List.copyOf(logins.values()), problems);
  }
}
