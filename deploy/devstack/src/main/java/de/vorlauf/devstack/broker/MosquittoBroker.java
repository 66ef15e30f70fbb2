package de.vorlauf.devstack.broker;

import de.vorlauf.devstack.process.ChildProcess;
import de.vorlauf.devstack.process.ChildProcessService;
import de.vorlauf.devstack.process.PidFile;
import de.vorlauf.devstack.process.Readiness;
import de.vorlauf.devstack.service.Origin;
import de.vorlauf.devstack.service.ServicePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The installed Mosquitto binary, started by us on our port with our configuration and data. */
final class MosquittoBroker extends ChildProcessService implements RunningBroker {

  private static final Logger LOG = LoggerFactory.getLogger(MosquittoBroker.class);
  private static final Pattern VERSION = Pattern.compile("mosquitto version (\\S+)");

  private final Path binary;
  private final BrokerOptions options;
  private final Path dir;
  private final String version;

  MosquittoBroker(Path binary, BrokerOptions options) {
    this.binary = binary;
    this.options = options;
    this.dir = options.dir().resolve("mosquitto");
    this.version = version(binary);
  }

  @Override
  protected ChildProcess launch() {
    Path pidFile = pidFile();
    PidFile.stopLeftover(pidFile, "Mosquitto");
    ServicePorts.requireFree(options.port(), "MQTT (Mosquitto)");
    Path config = dir.resolve("mosquitto.conf");
    try {
      Files.createDirectories(dir.resolve("data"));
      String user = System.getProperty("user.name");
      Path accessDir = null;
      if (options.authenticated()) {
        accessDir = accessDir();
        MosquittoAccessBootstrap.write(accessDir, options.serviceLogins());
      }
      Files.writeString(
          config, MosquittoConfig.render(options.port(), dir.resolve("data"), user, accessDir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + config, e);
    }
    return ChildProcess.start(
        "Mosquitto",
        List.of(binary.toString(), "-c", config.toString()),
        Map.of(),
        dir,
        options.logDir().resolve("mosquitto.log"),
        pidFile,
        Duration.ofSeconds(15));
  }

  @Override
  protected void awaitReady(ChildProcess child) {
    Readiness.await(
        "Mosquitto on port " + options.port(),
        Duration.ofSeconds(20),
        () -> Readiness.portOpen("127.0.0.1", options.port()),
        child::deathNotice);
    LOG.info("{} listening on {}", label(), url());
  }

  private Path pidFile() {
    return dir.resolve("mosquitto.pid");
  }

  private Path accessDir() {
    return dir.resolve("access");
  }

  @Override
  public Optional<BrokerAccessControl> accessControl() {
    return options.authenticated()
        ? Optional.of(new BrokerAccessControl(accessDir(), pidFile()))
        : Optional.empty();
  }

  @Override
  public String url() {
    return "tcp://127.0.0.1:" + options.port();
  }

  @Override
  public Origin origin() {
    return Origin.STARTED_BINARY;
  }

  @Override
  public String label() {
    return "Mosquitto "
        + version
        + (options.authenticated()
            ? " (started by Vorlauf, per-device credentials)"
            : " (started by Vorlauf)");
  }

  @Override
  public String toString() {
    return label() + " on " + url();
  }

  /** "2.0.11" from the first line of {@code mosquitto -h}, which exits with status 3. */
  static String version(Path binary) {
    try {
      Process help = new ProcessBuilder(binary.toString(), "-h").redirectErrorStream(true).start();
      String output = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      help.waitFor(5, TimeUnit.SECONDS);
      return parseVersion(output);
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  static String parseVersion(String helpOutput) {
    Matcher matcher = VERSION.matcher(helpOutput);
    return matcher.find() ? matcher.group(1) : "";
  }
}
