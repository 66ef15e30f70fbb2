package de.vorlauf.worker.polling;

import de.vorlauf.domain.vendor.IntegrationConfigException;
import de.vorlauf.domain.vendor.VendorIntegrations;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the vendor integrations from the properties file named by {@value #FILE}; unset means none.
 * The file holds no secrets itself, only the paths of the secret files.
 */
public final class VendorEnvironment {

  public static final String FILE = "VORLAUF_VENDOR_INTEGRATIONS_FILE";

  private VendorEnvironment() {}

  /** Adds a problem (naming the variable and the key) instead of throwing. */
  public static VendorIntegrations read(Map<String, String> env, List<String> problems) {
    String file = env.get(FILE);
    if (file == null || file.isBlank()) {
      return VendorIntegrations.none();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(file.strip()), StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | RuntimeException e) {
      problems.add(
          "%s=%s: cannot read the file (%s)".formatted(FILE, file, e.getClass().getSimpleName()));
      return VendorIntegrations.none();
    }
    try {
      return VendorIntegrations.parse(properties);
    } catch (IntegrationConfigException e) {
      problems.add("%s=%s: %s".formatted(FILE, file, e.getMessage()));
      return VendorIntegrations.none();
    }
  }
}
