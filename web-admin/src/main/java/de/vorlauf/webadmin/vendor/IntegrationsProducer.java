package de.vorlauf.webadmin.vendor;

import de.vorlauf.domain.config.EnvReader;
import de.vorlauf.domain.config.VendorVars;
import de.vorlauf.domain.vendor.IntegrationConfigException;
import de.vorlauf.domain.vendor.VendorIntegrations;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vendor integrations the worker polls, read once from the file named by {@code
 * VORLAUF_VENDOR_INTEGRATIONS_FILE} (the worker's file). The WAR needs only names, intervals and
 * lookbacks; it never opens the secret files. A broken file shows no integrations and says why in
 * the log, instead of failing the deployment.
 */
@ApplicationScoped
public class IntegrationsProducer {

  public static final String FILE = VendorVars.INTEGRATIONS_FILE.name();

  private static final Logger LOG = LoggerFactory.getLogger(IntegrationsProducer.class);

  private VendorIntegrations integrations = VendorIntegrations.none();

  @PostConstruct
  void read() {
    EnvReader env = new EnvReader(System.getenv());
    Path file = env.find(VendorVars.INTEGRATIONS_FILE).orElse(null);
    if (file == null) {
      env.problems().forEach(problem -> LOG.error("vendor integrations not usable: {}", problem));
      LOG.info("no vendor integrations ({} unset)", FILE);
      return;
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
      integrations = VendorIntegrations.parse(properties);
      LOG.info(
          "vendor integrations from {}: {}",
          file,
          integrations.all().stream().map(i -> i.id()).toList());
    } catch (IOException | IntegrationConfigException e) {
      LOG.error("{}={}: vendor integrations not usable: {}", FILE, file, e.getMessage());
    }
  }

  @Produces
  VendorIntegrations integrations() {
    return integrations;
  }
}
