package de.vorlauf.worker.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.config.EnvReader;
import de.vorlauf.domain.vendor.VendorIntegrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VendorEnvironmentTest {

  @Test
  void unsetMeansNoIntegrations() {
    EnvReader env = new EnvReader(Map.of());
    assertThat(VendorEnvironment.read(env).isEmpty()).isTrue();
    assertThat(env.problems()).isEmpty();
  }

  @Test
  void readsTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("integrations.properties");
    Files.writeString(
        file,
        """
        integrations=sim-cloud
        sim-cloud.base-url=http://127.0.0.1:18090
        sim-cloud.client-id=vorlauf
        sim-cloud.client-secret-file=/run/secrets/vendor
        sim-cloud.poll-interval=PT1M
        sim-cloud.initial-lookback=P30D
        sim-cloud.autostart=true
        """);
    EnvReader env = new EnvReader(Map.of(VendorEnvironment.FILE, file.toString()));
    VendorIntegrations integrations = VendorEnvironment.read(env);
    assertThat(env.problems()).isEmpty();
    assertThat(integrations.find("sim-cloud").orElseThrow().autostart()).isTrue();
  }

  @Test
  void problemsNameTheVariableAndTheKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("integrations.properties");
    Files.writeString(file, "integrations=a\na.base-url=http://x\n");
    EnvReader env = new EnvReader(Map.of(VendorEnvironment.FILE, file.toString()));
    VendorEnvironment.read(env);
    assertThat(env.problems())
        .singleElement()
        .asString()
        .startsWith(VendorEnvironment.FILE + "=" + file)
        .contains("a.client-id is missing");

    EnvReader missing =
        new EnvReader(Map.of(VendorEnvironment.FILE, dir.resolve("nope").toString()));
    VendorEnvironment.read(missing);
    assertThat(missing.problems()).singleElement().asString().contains("cannot read the file");
  }
}
