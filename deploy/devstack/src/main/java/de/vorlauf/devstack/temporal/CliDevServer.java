package de.vorlauf.devstack.temporal;

import de.vorlauf.devstack.process.ChildProcess;
import de.vorlauf.devstack.process.ChildProcessService;
import de.vorlauf.devstack.process.PidFile;
import de.vorlauf.devstack.service.FreePorts;
import de.vorlauf.devstack.service.Origin;
import de.vorlauf.devstack.service.ServicePorts;
import de.vorlauf.workflows.search.BuildingSearchAttribute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code temporal server start-dev}: a real Temporal server (SQLite file in the state folder) with
 * the Web UI, bound to loopback. Its HTTP API and metrics ports are pinned to free ports so that
 * two instances (the demo and the tests) never collide.
 */
final class CliDevServer extends ChildProcessService implements RunningTemporal {

  private static final Logger LOG = LoggerFactory.getLogger(CliDevServer.class);

  private final Path binary;
  private final TemporalOptions options;
  private final Path dir;
  private final String versions;

  CliDevServer(Path binary, TemporalOptions options) {
    this.binary = binary;
    this.options = options;
    this.dir = options.dir().resolve("temporal");
    this.versions = TemporalCli.versions(binary);
  }

  @Override
  protected ChildProcess launch() {
    Path pidFile = dir.resolve("temporal.pid");
    PidFile.stopLeftover(pidFile, "Temporal dev server");
    ServicePorts.requireFree(options.port(), "Temporal gRPC");
    if (options.uiPort() > 0) {
      ServicePorts.requireFree(options.uiPort(), "Temporal Web UI");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    List<String> command =
        command(
            binary,
            dir.resolve("temporal.db"),
            options.port(),
            options.uiPort(),
            FreePorts.find(),
            FreePorts.find());
    return ChildProcess.start(
        "Temporal dev server",
        command,
        Map.of(),
        dir,
        options.logDir().resolve("temporal.log"),
        pidFile,
        Duration.ofSeconds(20));
  }

  @Override
  protected void awaitReady(ChildProcess child) {
    TemporalReadiness.awaitNamespace(
        address(), "default", Duration.ofSeconds(90), child::deathNotice);
    LOG.info("{} ready on {}{}", label(), address(), uiUrl().map(u -> ", Web UI " + u).orElse(""));
  }

  static List<String> command(
      Path binary, Path dbFile, int port, int uiPort, int httpPort, int metricsPort) {
    List<String> command =
        new ArrayList<>(
            List.of(
                binary.toString(),
                "server",
                "start-dev",
                "--db-filename",
                dbFile.toString(),
                "--ip",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--http-port",
                Integer.toString(httpPort),
                "--metrics-port",
                Integer.toString(metricsPort),
                "--log-level",
                "warn",
                // the workflow explorer's building filter (a cluster registers it once, see docs)
                "--search-attribute",
                BuildingSearchAttribute.NAME + "=Keyword"));
    if (uiPort > 0) {
      command.addAll(List.of("--ui-port", Integer.toString(uiPort)));
    } else {
      command.add("--headless");
    }
    return command;
  }

  @Override
  public String address() {
    return "127.0.0.1:" + options.port();
  }

  @Override
  public Optional<String> uiUrl() {
    return options.uiPort() > 0
        ? Optional.of("http://127.0.0.1:" + options.uiPort() + "/")
        : Optional.empty();
  }

  @Override
  public TemporalKind kind() {
    return TemporalKind.CLI_DEV_SERVER;
  }

  @Override
  public Origin origin() {
    return Origin.STARTED_BINARY;
  }

  @Override
  public String label() {
    return "Temporal CLI dev server" + (versions.isEmpty() ? "" : " (" + versions + ")");
  }

  @Override
  public String toString() {
    return label() + " on " + address();
  }
}
