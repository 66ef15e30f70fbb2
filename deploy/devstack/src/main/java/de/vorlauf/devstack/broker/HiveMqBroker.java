package de.vorlauf.devstack.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import de.vorlauf.devstack.service.Origin;
import de.vorlauf.devstack.service.ServicePorts;
import de.vorlauf.devstack.service.ShutdownRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HiveMQ CE inside this JVM: the fallback when Mosquitto is not installed. MQTT 5, shared
 * subscriptions and persistent sessions; its data lives under hivemq/ in the state folder. With
 * service logins it authenticates every client from the same access files as our Mosquitto ({@link
 * HiveMqAccessExtension}): the launcher's bootstrap first, then what the worker exports from the
 * registry into {@code hivemq/access}.
 */
final class HiveMqBroker implements RunningBroker {

  private static final Logger LOG = LoggerFactory.getLogger(HiveMqBroker.class);

  private final BrokerOptions options;
  private final Path dir;
  private EmbeddedHiveMQ hivemq;

  HiveMqBroker(BrokerOptions options) {
    this.options = options;
    this.dir = options.dir().resolve("hivemq");
  }

  @Override
  public synchronized void start() {
    if (hivemq != null) {
      return;
    }
    ServicePorts.requireFree(options.port(), "MQTT (HiveMQ)");
    long begin = System.nanoTime();
    HiveMqConfig.applyInternal();
    EmbeddedHiveMQBuilder builder =
        EmbeddedHiveMQ.builder()
            .withConfigurationFolder(prepareConfig())
            .withDataFolder(dir.resolve("data"))
            .withExtensionsFolder(dir.resolve("extensions"))
            .withoutLoggingBootstrap();
    if (options.authenticated()) {
      MosquittoAccessBootstrap.write(accessDir(), options.serviceLogins());
      builder.withEmbeddedExtension(new HiveMqAccessExtension(accessDir()).embedded());
    }
    EmbeddedHiveMQ broker = builder.build();
    try {
      broker.start().get(120, TimeUnit.SECONDS);
    } catch (ExecutionException | CompletionException | TimeoutException e) {
      closeQuietly(broker);
      throw new IllegalStateException("embedded HiveMQ did not start on port " + options.port(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(broker);
      throw new IllegalStateException("interrupted while starting HiveMQ", e);
    }
    hivemq = broker;
    ShutdownRegistry.register(this);
    LOG.info(
        "{} listening on {} after {} ms", label(), url(), (System.nanoTime() - begin) / 1_000_000);
  }

  @Override
  public synchronized void stop() {
    if (hivemq == null) {
      return;
    }
    ShutdownRegistry.unregister(this);
    closeQuietly(hivemq);
    hivemq = null;
    LOG.info("Embedded HiveMQ on port {} stopped", options.port());
  }

  @Override
  public void close() {
    stop();
  }

  private Path accessDir() {
    return dir.resolve("access");
  }

  /** No pid file: the extension notices changed files itself. */
  @Override
  public Optional<BrokerAccessControl> accessControl() {
    return options.authenticated()
        ? Optional.of(new BrokerAccessControl(accessDir(), null))
        : Optional.empty();
  }

  @Override
  public String url() {
    return "tcp://127.0.0.1:" + options.port();
  }

  @Override
  public Origin origin() {
    return Origin.EMBEDDED;
  }

  @Override
  public String label() {
    String version = EmbeddedHiveMQ.class.getPackage().getImplementationVersion();
    return "HiveMQ CE "
        + (version == null ? "" : version + " ")
        + (options.authenticated() ? "(embedded, per-device credentials)" : "(embedded)");
  }

  @Override
  public String toString() {
    return label() + " on " + url();
  }

  private Path prepareConfig() {
    Path config = dir.resolve("conf");
    try {
      Files.createDirectories(config);
      Files.createDirectories(dir.resolve("data"));
      Files.createDirectories(dir.resolve("extensions"));
      Files.writeString(config.resolve("config.xml"), HiveMqConfig.render(options.port()));
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write HiveMQ configuration in " + config, e);
    }
  }

  private static void closeQuietly(EmbeddedHiveMQ broker) {
    try {
      broker.close();
    } catch (ExecutionException | RuntimeException e) {
      LOG.warn("HiveMQ did not stop cleanly", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
