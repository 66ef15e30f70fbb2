package de.vorlauf.webadmin.it;

import de.vorlauf.devstack.postgres.RunningPostgres;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin UI's time to data with 10,000 registered buildings: for every page of the shell's
 * navigation (and the fleet's triage views, and the building page over a year at 1 h), the
 * milliseconds from the start of navigation to the moment the page shows its first data (the
 * shell's {@code vorlauf:data} mark), in a headless Chromium against the WAR on WildFly. A
 * benchmark, not a test: it asserts nothing and its name keeps it out of the suite. Run it with
 * {@code deploy/vorlauf bench-ui}; the report goes to {@code web-admin/target/ui-bench-<time>.md}
 * and the log, the figures to docs/benchmarks.md.
 */
@SharedWar // one PostgreSQL, one WildFly, one deployment of the WAR for every IT class
@RunAsClient
class UiTimeToDataBench {

  private static final Logger LOG = LoggerFactory.getLogger(UiTimeToDataBench.class);
  private static final int RUNS = Integer.getInteger("bench.runs", 7);

  final URL base = ItWar.base();

  @Test
  void measure(RunningPostgres postgres) throws Exception {
    long fixtureStart = System.nanoTime();
    FleetFixture.register(postgres);
    BuildingYearFixture.register(postgres);
    FleetOptimizationFixture.register(postgres);
    long fixtureMillis = (System.nanoTime() - fixtureStart) / 1_000_000;

    try (UiSession ui = UiSession.loggedIn(base, "c-bench", "")) {
      ui.awaitData("status");
      List<String[]> targets = new ArrayList<>(ui.navigation());
      targets.add(new String[] {"fleet", "/fleet?view=problems", "fleet, problems only"});
      targets.add(
          new String[] {"fleet", "/fleet?sort=last_reading&dir=desc", "fleet, by newest reading"});
      targets.add(
          new String[] {
            "fleet", "/fleet?q=scale-05000&open=scale-05000", "fleet, one building open"
          });
      targets.add(new String[] {"fleet", "/fleet?page=199", "fleet, page 200"});
      targets.add(new String[] {"quarantine", "/quarantine?group=reason", "quarantine by reason"});
      targets.add(
          new String[] {
            "fleet", "/fleet?optimization=fallback", "fleet, newest result a fallback"
          });
      targets.add(
          new String[] {
            "fleet", "/fleet?optimization=failed", "fleet, failed in the latest portfolio run"
          });
      targets.add(
          new String[] {
            "buildings-detail",
            "/buildings/" + FleetOptimizationFixture.BUILDING + "?range=24h",
            "building page with 24 h of optimisation history"
          });
      targets.add(
          new String[] {
            "buildings-detail",
            "/buildings/" + BuildingYearFixture.BUILDING + "?range=1y&res=1h",
            "building page, 1 y at 1 h (8,760 hours x 5 sensors, charts drawn)"
          });

      StringBuilder report = new StringBuilder();
      report
          .append("UI time to data, ")
          .append(FleetFixture.BUILDINGS)
          .append(" registered buildings (fixture written in ")
          .append(fixtureMillis)
          .append(" ms), ")
          .append(RUNS)
          .append(" loads per page after one warm-up, ")
          .append(Runtime.getRuntime().availableProcessors())
          .append(" cores; load average before: ")
          .append(loadAverage())
          .append(
              "\n\n| page | address | median ms | min ms | max ms |\n| --- | --- | --- | --- | --- |\n");
      for (String[] target : targets) {
        ui.open(target[1], target[0]); // warm-up: caches, JIT, the module graph
        long[] times = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
          ui.open(target[1], target[0]);
          times[i] = timeToData(ui);
        }
        Arrays.sort(times);
        report.append(
            String.format(
                Locale.ROOT,
                "| %s | `%s` | %d | %d | %d |%n",
                target.length > 2 ? target[2] : target[0],
                target[1],
                times[RUNS / 2],
                times[0],
                times[RUNS - 1]));
      }
      String text = report.toString();
      LOG.info("\n{}", text);
      Path file =
          Path.of(System.getProperty("it.state.dir"))
              .getParent()
              .resolve(
                  "ui-bench-"
                      + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                          .withZone(ZoneOffset.UTC)
                          .format(Instant.now())
                      + ".md");
      Files.writeString(file, text);
      LOG.info("report written to {}", file);
    }
  }

  /** Milliseconds from the navigation's start to the shell's mark of the first data shown. */
  private static long timeToData(UiSession ui) {
    Object ms =
        ui.script(
            "const m = performance.getEntriesByName('vorlauf:data');"
                + " return m.length ? Math.round(m[0].startTime) : -1;");
    return ((Number) ms).longValue();
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip().split(" ", 4)[0];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
