package de.vorlauf.worker.vendor;

import de.vorlauf.domain.config.EnvReader;
import de.vorlauf.domain.config.VendorVars;
import de.vorlauf.domain.vendor.IntegrationConfigException;
import de.vorlauf.domain.vendor.VendorIntegrations;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Reads the vendor integrations from the properties file named by {@code
 * VORLAUF_VENDOR_INTEGRATIONS_FILE} ({@link VendorVars#INTEGRATIONS_FILE}); unset means none. The
 * file holds no secrets itself, only the paths of the secret files.
 */
public final class VendorEnvironment {

  public static final String FILE = VendorVars.INTEGRATIONS_FILE.name();

  private VendorEnvironment() {}

  /** Records a problem (naming the variable and the key) in {@code env} instead of throwing. */
  public static VendorIntegrations read(EnvReader env) {
    Path file = env.find(VendorVars.INTEGRATIONS_FILE).orElse(null);
    if (file == null) {
      return VendorIntegrations.none();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | RuntimeException e) {
      env.problem(
          "%s=%s: cannot read the file (%s)".formatted(FILE, file, e.getClass().getSimpleName()));
      return VendorIntegrations.none();
    }
    try {
      return VendorIntegrations.parse(properties);
    } catch (IntegrationConfigException e) {
      env.problem("%s=%s: %s".formatted(FILE, file, e.getMessage()));
      return VendorIntegrations.none();
    }
  }
}
