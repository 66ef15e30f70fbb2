package de.vorlauf.worker.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PahoStreamPatchTest} on the classpath the worker really runs with: {@code java -jar
 * target/vorlauf-worker.jar}, i.e. the jar first, then its manifest's Class-Path (lib/...), in that
 * order. A URLClassLoader over the jar alone follows the manifest Class-Path as the launcher does;
 * the test classpath (class folder, Maven's order) could hide a packaging change that lets Paho's
 * own class win.
 */
class PahoStreamPatchJarIT {

  private static final String CLASS =
      "org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream";

  @Test
  void theWorkersClassShadowsPahosOwnInThePackagedJar() throws Exception {
    Path jar = Path.of("target", "vorlauf-worker.jar").toAbsolutePath();
    assertThat(jar).as("run after package (failsafe)").exists();
    assertThat(Files.list(jar.resolveSibling("lib")))
        .as("the manifest Class-Path points at lib/")
        .anySatisfy(lib -> assertThat(lib.getFileName().toString()).startsWith("org.eclipse.paho"));

    try (URLClassLoader javaJar =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      List<URL> copies = Collections.list(javaJar.getResources(CLASS.replace('.', '/') + ".class"));
      assertThat(copies).hasSizeGreaterThanOrEqualTo(2); // ours, then Paho's
      assertThat(copies.get(0).toString()).startsWith("jar:" + jar.toUri().toURL() + "!");
      assertThat(copies.get(1).toString()).contains("lib/org.eclipse.paho.mqttv5.client-");

      Class<?> loaded = javaJar.loadClass(CLASS);
      assertThat(Path.of(loaded.getProtectionDomain().getCodeSource().getLocation().toURI()))
          .isEqualTo(jar);
    }
  }
}
