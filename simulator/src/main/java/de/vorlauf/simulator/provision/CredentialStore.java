package de.vorlauf.simulator.provision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code <state>/credentials.json}: the broker tokens the registry showed once, kept so that a
 * restarted simulator logs in with them instead of revoking and re-issuing the whole fleet's.
 * Readable by the owner only (0600), written atomically after every new token.
 *
 * <pre>{"credentials": {"sim-gw001": {"kind": "gateway", "token": "vlf_…"}, …}}</pre>
 */
public final class CredentialStore {

  public static final String FILE = "credentials.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Map<String, String[]> entries = new TreeMap<>();

  private CredentialStore(Path file) {
    this.file = file;
  }

  public static CredentialStore open(Path stateDir) {
    CredentialStore store = new CredentialStore(stateDir.resolve(FILE));
    if (Files.exists(store.file)) {
      try {
        JsonNode root = JSON.readTree(store.file.toFile());
        root.path("credentials")
            .fields()
            .forEachRemaining(
                e ->
                    store.entries.put(
                        e.getKey(),
                        new String[] {
                          e.getValue().path("kind").asText(), e.getValue().path("token").asText()
                        }));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + store.file, e);
      }
    }
    return store;
  }

  public synchronized Optional<String> token(Principal principal) {
    String[] entry = entries.get(principal.id());
    return entry != null && entry[0].equals(kind(principal)) && !entry[1].isBlank()
        ? Optional.of(entry[1])
        : Optional.empty();
  }

  public synchronized void put(Principal principal, String token) {
    entries.put(principal.id(), new String[] {kind(principal), token});
    save();
  }

  public synchronized int size() {
    return entries.size();
  }

  private static String kind(Principal principal) {
    return principal.kind() == Principal.Kind.GATEWAY ? "gateway" : "device";
  }

  private void save() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode credentials = root.putObject("credentials");
    entries.forEach(
        (id, entry) -> credentials.putObject(id).put("kind", entry[0]).put("token", entry[1]));
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(FILE + ".tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
