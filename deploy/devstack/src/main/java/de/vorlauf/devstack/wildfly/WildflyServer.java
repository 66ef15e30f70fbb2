package de.vorlauf.devstack.wildfly;

import de.vorlauf.devstack.process.ChildProcess;
import de.vorlauf.devstack.process.ChildProcessService;
import de.vorlauf.devstack.process.LogTail;
import de.vorlauf.devstack.process.PidFile;
import de.vorlauf.devstack.process.Readiness;
import de.vorlauf.devstack.service.Origin;
import de.vorlauf.devstack.service.ServicePorts;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One WildFly process (standalone.sh and its java child), stopped as a tree. */
final class WildflyServer extends ChildProcessService implements RunningWildfly {

  private static final Logger LOG = LoggerFactory.getLogger(WildflyServer.class);

  /** standalone.conf's defaults apply only without JAVA_OPTS, so we repeat the ones we need. */
  private static final String JAVA_OPTS =
      "-Xms64m -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -Djava.net.preferIPv4Stack=true"
          + " -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true";

  private final WildflyOptions options;
  private long launchedAt;

  WildflyServer(WildflyOptions options) {
    this.options = options;
  }

  @Override
  protected ChildProcess launch() {
    WildflyService.requireBuilt(options);
    PidFile.stopLeftover(options.pidFile(), "WildFly");
    ServicePorts.requireFree(options.httpPort(), "WildFly HTTP");
    ServicePorts.requireFree(options.managementPort(), "WildFly management");
    WildflyService.prepareBaseDir(options);
    launchedAt = System.nanoTime();
    return ChildProcess.start(
        "WildFly",
        command(options),
        environment(options),
        options.baseDir(),
        options.logFile(),
        options.pidFile(),
        Duration.ofSeconds(60));
  }

  @Override
  protected void awaitReady(ChildProcess child) {
    Readiness.await(
        "WildFly at " + baseUrl(),
        options.startTimeout(),
        this::ready,
        () -> deathOrFailedDeployment(child));
    LOG.info(
        "WildFly ready at {} after {} s",
        baseUrl(),
        (System.nanoTime() - launchedAt) / 1_000_000_000);
  }

  static List<String> command(WildflyOptions options) {
    return List.of(
        options.serverHome().resolve("bin/standalone.sh").toString(),
        "-b",
        options.bindAddress(),
        "-bmanagement",
        options.bindAddress(),
        "-Djboss.socket.binding.port-offset=" + options.portOffset(),
        "-Djboss.server.base.dir=" + options.baseDir());
  }

  static Map<String, String> environment(WildflyOptions options) {
    Map<String, String> env = new HashMap<>(options.env());
    env.put("JAVA_OPTS", "-Xmx" + options.maxHeap() + " " + JAVA_OPTS);
    // standalone.sh then runs java in the background and forwards SIGTERM to it
    env.put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
    return env;
  }

  private boolean ready() {
    return Readiness.httpStatus(URI.create(managementUrl() + "health/ready")) == 200
        && Readiness.httpStatus(URI.create(baseUrl() + "login.html")) == 200;
  }

  private String deathOrFailedDeployment(ChildProcess child) {
    String death = child.deathNotice();
    if (death != null) {
      return death;
    }
    Path failed = options.baseDir().resolve("deployments/ROOT.war.failed");
    if (Files.exists(failed)) {
      return "the admin WAR failed to deploy: "
          + LogTail.of(failed, 20)
          + "\nsee "
          + options.baseDir().resolve("log/server.log");
    }
    return null;
  }

  @Override
  public String baseUrl() {
    return "http://" + options.host() + ":" + options.httpPort() + "/";
  }

  @Override
  public String managementUrl() {
    return "http://" + options.host() + ":" + options.managementPort() + "/";
  }

  @Override
  public Origin origin() {
    return Origin.STARTED_BINARY;
  }

  @Override
  public String label() {
    return "WildFly (provisioned by Galleon, started by Vorlauf)";
  }

  @Override
  public String toString() {
    return label() + " at " + baseUrl();
  }
}
