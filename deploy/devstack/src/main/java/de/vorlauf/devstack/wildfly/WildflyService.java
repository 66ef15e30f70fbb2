package de.vorlauf.devstack.wildfly;

import de.vorlauf.domain.config.LogVars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Starts the Galleon-provisioned WildFly with its own server base folder in the state folder: the
 * configuration is copied fresh from the build at every start (so a rebuilt server takes effect and
 * no state piles up in standalone.xml), and the admin WAR is deployed as ROOT.war.
 */
public final class WildflyService {

  private WildflyService() {}

  public static RunningWildfly start(WildflyOptions options) {
    WildflyServer server = new WildflyServer(options);
    server.start();
    return server;
  }

  /** Fresh configuration/, the WAR as deployments/ROOT.war, the other folders kept. */
  static void prepareBaseDir(WildflyOptions options) {
    Path standalone = options.serverHome().resolve("standalone");
    Path base = options.baseDir();
    try {
      deleteRecursively(base.resolve("configuration"));
      copyRecursively(standalone.resolve("configuration"), base.resolve("configuration"));
      Path config = base.resolve("configuration/standalone.xml");
      Files.writeString(config, withLogFormat(Files.readString(config), options.logFormat()));
      for (String dir : new String[] {"data", "log", "tmp", "deployments"}) {
        Files.createDirectories(base.resolve(dir));
      }
      try (Stream<Path> old = Files.list(base.resolve("deployments"))) {
        for (Path file :
            old.filter(p -> p.getFileName().toString().startsWith("ROOT.war")).toList()) {
          deleteRecursively(file);
        }
      }
      Files.copy(
          options.war(), base.resolve("deployments/ROOT.war"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the WildFly base folder " + base, e);
    }
  }

  /**
   * The server's log handlers with the formatter of {@code format}: the build leaves them on
   * KEYVALUE (vorlauf-server.cli), and a handler's formatter takes no expression.
   */
  static String withLogFormat(String standaloneXml, String format) {
    if (!LogVars.JSON.equals(format)) {
      return standaloneXml;
    }
    return standaloneXml.replace(
        "<named-formatter name=\"KEYVALUE\"/>", "<named-formatter name=\"JSON\"/>");
  }

  static void requireBuilt(WildflyOptions options) {
    if (!Files.isExecutable(options.serverHome().resolve("bin/standalone.sh"))) {
      throw new IllegalStateException(
          "No provisioned WildFly in "
              + options.serverHome()
              + "; build it with mvn -B -DskipTests install (module deploy/wildfly)");
    }
    if (!Files.isRegularFile(options.war())) {
      throw new IllegalStateException(
          "The admin WAR "
              + options.war()
              + " is missing; build it with mvn -B -DskipTests install");
    }
  }

  private static void copyRecursively(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
