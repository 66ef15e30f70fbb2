package de.vorlauf.testsupport.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metrics docs/metrics.md documents and the ones deploy/grafana/vorlauf.json shows, for the
 * tests that keep them, the dashboard and the endpoints in step.
 *
 * @param documented metric name to the "where" column of its row (worker, WildFly, …)
 * @param dashboardMetrics every metric name a dashboard query uses
 */
public record MetricsCatalogue(Map<String, String> documented, Set<String> dashboardMetrics) {

  /** A metric's sample suffixes that belong to one documented summary or histogram. */
  private static final Pattern SAMPLE_SUFFIX = Pattern.compile("_(count|sum|max|bucket)$");

  private static final Pattern DOC_ROW =
      Pattern.compile(
          "^\\| `([a-z_:][a-z0-9_:]*)` \\|[^|]*\\|[^|]*\\| ([^|]+) \\|", Pattern.MULTILINE);

  private static final Pattern QUERY_METRIC =
      Pattern.compile("\\b((?:vorlauf|temporal|jvm|process|system)_[a-z0-9_]+)\\b");

  public static MetricsCatalogue load() {
    Path root = repositoryRoot();
    String docs = read(root.resolve("docs/metrics.md"));
    String dashboard = read(root.resolve("deploy/grafana/vorlauf.json"));
    Map<String, String> documented = new TreeMap<>();
    Matcher row = DOC_ROW.matcher(docs);
    while (row.find()) {
      documented.put(row.group(1), row.group(2).trim());
    }
    Set<String> used = new TreeSet<>();
    Matcher query = QUERY_METRIC.matcher(dashboard);
    while (query.find()) {
      used.add(query.group(1));
    }
    return new MetricsCatalogue(documented, used);
  }

  /** The documented row of a sample name ({@code x_seconds_count} is documented as x_seconds). */
  public String where(String sampleName) {
    String where = documented.get(sampleName);
    return where != null
        ? where
        : documented.get(SAMPLE_SUFFIX.matcher(sampleName).replaceFirst(""));
  }

  public boolean isDocumented(String sampleName) {
    return where(sampleName) != null;
  }

  /** Dashboard metrics a worker scrape need not carry: the WAR's, and those that come later. */
  public Set<String> conditionalOrWildfly() {
    Set<String> names = new TreeSet<>();
    for (String name : dashboardMetrics) {
      String where = where(name);
      if (where != null && (!where.startsWith("worker") || where.contains("after"))) {
        names.add(name);
      }
    }
    return names;
  }

  /** Dashboard metrics a WildFly scrape must carry (not those that come later). */
  public Set<String> wildfly() {
    Set<String> names = new TreeSet<>();
    for (String name : dashboardMetrics) {
      String where = where(name);
      if (where != null && where.contains("WildFly") && !where.contains("after")) {
        names.add(name);
      }
    }
    return names;
  }

  /** Dashboard metrics the local launcher's scrape must carry (supervision). */
  public Set<String> launcher() {
    Set<String> names = new TreeSet<>();
    for (String name : dashboardMetrics) {
      String where = where(name);
      if (where != null && where.startsWith("launcher")) {
        names.add(name);
      }
    }
    return names;
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("docs/metrics.md"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "docs/metrics.md not found above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
