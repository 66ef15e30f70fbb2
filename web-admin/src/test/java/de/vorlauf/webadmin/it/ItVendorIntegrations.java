package de.vorlauf.webadmin.it;

import de.vorlauf.devstack.service.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the vendor integrations file the WAR reads (VORLAUF_VENDOR_INTEGRATIONS_FILE, set by
 * failsafe in web-admin/pom.xml): two integrations, each with its client secret in a file of its
 * own. Written by {@link ItWar} before the one deployment of the WAR, which every IT class shares
 * (after ItDatabase has emptied the state folder).
 */
final class ItVendorIntegrations {

  /** Polled every two seconds, so a test sees rounds; first poll one hour back. */
  static final String ALPHA = "alpha-cloud";

  /** Configured differently in every field the API shows; the tests never start it. */
  static final String BETA = "beta-cloud";

  static final String SECRET = "it-client-secret-" + Long.toHexString(System.nanoTime());

  private ItVendorIntegrations() {}

  static void write() {
    String file = System.getenv("VORLAUF_VENDOR_INTEGRATIONS_FILE");
    if (file == null || file.isBlank()) {
      throw new IllegalStateException(
          "VORLAUF_VENDOR_INTEGRATIONS_FILE is missing: run through mvn verify");
    }
    Path properties = Path.of(file).toAbsolutePath();
    Path dir = properties.getParent();
    Path alphaSecret = dir.resolve(ALPHA + ".secret");
    Path betaSecret = dir.resolve(BETA + ".secret");
    Secrets.writePrivate(alphaSecret, SECRET + "\n");
    Secrets.writePrivate(betaSecret, SECRET + "\n");
    String text =
        """
        integrations=%1$s, %2$s
        %1$s.base-url=https://alpha.vendor.example/iot/
        %1$s.client-id=vorlauf-alpha
        %1$s.client-secret-file=%3$s
        %1$s.poll-interval=PT2S
        %1$s.initial-lookback=PT1H
        %2$s.base-url=http://127.0.0.1:9
        %2$s.client-id=vorlauf-beta
        %2$s.client-secret-file=%4$s
        %2$s.device-id-template=beta-{installationId}-{deviceId}
        %2$s.poll-interval=PT5M
        %2$s.initial-lookback=P7D
        %2$s.autostart=true
        """
            .formatted(ALPHA, BETA, alphaSecret, betaSecret);
    try {
      Files.createDirectories(dir);
      Files.writeString(properties, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + properties, e);
    }
  }
}
