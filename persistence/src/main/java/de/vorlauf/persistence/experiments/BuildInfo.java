package de.vorlauf.persistence.experiments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of the running build, for a run's lineage: the Maven version and the commit, written
 * into {@code vorlauf-build.properties} by the build (persistence/pom.xml filters it; the commit is
 * {@code -Dvorlauf.commit=$(git rev-parse HEAD)}, "unknown" when the build was not told).
 */
public record BuildInfo(String version, String commit) {

  private static final String RESOURCE =
      "/de/vorlauf/persistence/experiments/vorlauf-build.properties";

  public static BuildInfo current() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildInfo(
        clean(properties.getProperty("version")), clean(properties.getProperty("commit")));
  }

  /** "0.1.0-SNAPSHOT+3f2c1ab" or "0.1.0-SNAPSHOT+unknown": what a run records. */
  public String codeVersion() {
    return version + "+" + (commit.length() > 12 ? commit.substring(0, 12) : commit);
  }

  // an unfiltered placeholder (running from an IDE without the Maven build) says so plainly
  private static String clean(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value.strip();
  }
}
