package de.vorlauf.devstack.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one folder that holds everything a local Vorlauf writes: data, logs, secrets, pid and URL
 * files. The layout is fixed here so that the launcher, the services and the tests agree on it.
 */
public final class StateDir {

  private final Path root;

  public StateDir(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** A fresh state folder under the temp directory, for tests. */
  public static StateDir temporary() {
    try {
      return new StateDir(Files.createTempDirectory("vorlauf-state-")).create();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary state folder", e);
    }
  }

  /** Creates the folders that every run needs; secrets/ is readable by the owner only. */
  public StateDir create() {
    try {
      Files.createDirectories(logs());
      Files.createDirectories(secrets());
      Files.setPosixFilePermissions(secrets(), PosixFilePermissions.fromString("rwx------"));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create state folder " + root, e);
    }
  }

  public Path root() {
    return root;
  }

  public Path logs() {
    return root.resolve("logs");
  }

  /** logs/NAME.log */
  public Path log(String name) {
    return logs().resolve(name + ".log");
  }

  public Path secrets() {
    return root.resolve("secrets");
  }

  public Path secret(String name) {
    return secrets().resolve(name);
  }

  public Path postgresData() {
    return root.resolve("postgres").resolve("data");
  }

  public Path mosquitto() {
    return root.resolve("mosquitto");
  }

  public Path hivemq() {
    return root.resolve("hivemq");
  }

  public Path temporal() {
    return root.resolve("temporal");
  }

  public Path wildfly() {
    return root.resolve("wildfly");
  }

  /** Folder for the pid file of a child process, e.g. run/worker.pid. */
  public Path pidFile(String name) {
    return root.resolve("run").resolve(name + ".pid");
  }

  public Path launcherPid() {
    return root.resolve("launcher.pid");
  }

  public Path launcherLock() {
    return root.resolve("launcher.lock");
  }

  public Path urls() {
    return root.resolve("urls.txt");
  }

  /** What the launcher's supervisor knows of each process: state, pid, restarts, last reason. */
  public Path supervisionProperties() {
    return root.resolve("supervision.properties");
  }

  /** Where `deploy/vorlauf restart` leaves its requests for the running launcher. */
  public Path restartRequests() {
    return root.resolve("run").resolve("restart");
  }

  public Path servicesProperties() {
    return root.resolve("services.properties");
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
