package de.vorlauf.devstack.wildfly;

import de.vorlauf.devstack.service.StateDir;
import de.vorlauf.domain.config.LogVars;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How to run the provisioned WildFly in {@code serverHome} with {@code war} as ROOT.war: server
 * base folder {@code baseDir} (configuration re-copied at each start), socket port offset, bind
 * address, environment for the CLI-configured subsystems, and heap.
 */
public record WildflyOptions(
    Path serverHome,
    Path war,
    Path baseDir,
    int portOffset,
    String bindAddress,
    Map<String, String> env,
    String maxHeap,
    Path logFile,
    Path pidFile,
    Duration startTimeout) {

  public WildflyOptions {
    env = Map.copyOf(env);
  }

  /** The server and WAR built in {@code repo}, state under {@code state}. */
  public static WildflyOptions of(
      Path repo, StateDir state, int portOffset, String bindAddress, Map<String, String> env) {
    return new WildflyOptions(
        repo.resolve("deploy/wildfly/target/server"),
        repo.resolve("web-admin/target/vorlauf-admin.war"),
        state.wildfly(),
        portOffset,
        bindAddress,
        env,
        "512m",
        state.log("wildfly"),
        state.pidFile("wildfly"),
        Duration.ofMinutes(3));
  }

  /** The launcher hands WildFly its log format in the environment (ChildEnvironment). */
  String logFormat() {
    return env.getOrDefault(LogVars.FORMAT.name(), LogVars.FORMAT.defaultValue());
  }

  int httpPort() {
    return 8080 + portOffset;
  }

  int managementPort() {
    return 9990 + portOffset;
  }

  /** Where to reach the server: the bind address, or loopback when it binds all interfaces. */
  String host() {
    return "0.0.0.0".equals(bindAddress) ? "127.0.0.1" : bindAddress;
  }

  /** Without the environment, which holds the database password. */
  @Override
  public String toString() {
    return "WildflyOptions[serverHome="
        + serverHome
        + ", baseDir="
        + baseDir
        + ", portOffset="
        + portOffset
        + "]";
  }
}
