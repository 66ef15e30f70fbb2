package de.vorlauf.e2e;

import de.vorlauf.devstack.Launcher;
import de.vorlauf.devstack.LauncherConfig;
import de.vorlauf.devstack.Platform;
import de.vorlauf.devstack.service.StateDir;
import de.vorlauf.devstack.wildfly.RunningWildfly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The whole platform started exactly as {@code deploy/vorlauf up} starts it, but on free ports and
 * in a state folder of the test's own, so a running demo is never touched.
 */
final class RunningPlatform implements AutoCloseable {

  final Platform platform;
  final StateDir state;
  final String baseUrl;

  private RunningPlatform(Platform platform, StateDir state) {
    this.platform = platform;
    this.state = state;
    this.baseUrl = platform.service(RunningWildfly.class).orElseThrow().baseUrl();
  }

  static RunningPlatform start(Path stateRoot) {
    return start(stateRoot, config -> config);
  }

  /** As {@link #start(Path)}, the test configuration changed by {@code adjust} first. */
  static RunningPlatform start(Path stateRoot, UnaryOperator<LauncherConfig> adjust) {
    StateDir state = new StateDir(stateRoot);
    LauncherConfig config = adjust.apply(LauncherConfig.forTest(repository(), state));
    return new RunningPlatform(Launcher.up(config), state);
  }

  String adminPassword() throws IOException {
    return Files.readString(state.secret("admin-password")).strip();
  }

  AdminSession login() throws Exception {
    return AdminSession.login(baseUrl, "admin", adminPassword());
  }

  private static Path repository() {
    String repo = System.getProperty("vorlauf.repo");
    if (repo == null) {
      throw new IllegalStateException(
          "system property vorlauf.repo (the repository root) is not set");
    }
    return Path.of(repo);
  }

  @Override
  public void close() {
    platform.close();
  }
}
