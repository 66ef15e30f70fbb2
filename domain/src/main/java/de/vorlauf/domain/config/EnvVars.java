package de.vorlauf.domain.config;

import java.util.List;
import java.util.Optional;

/**
 * Every environment variable Vorlauf reads, by concern. {@code docs/configuration.md} is this list
 * as a table ({@link #markdown()}); a test keeps the two equal and fails when a main source names a
 * variable that is not declared here.
 */
public final class EnvVars {

  /** The variables of one concern, under one heading of the table. */
  public record Group(String title, List<EnvVar<?>> variables) {
    public Group {
      variables = List.copyOf(variables);
    }
  }

  public static final List<Group> GROUPS =
      List.of(
          new Group("Database", DatabaseVars.ALL),
          new Group("MQTT broker", MqttVars.ALL),
          new Group("Temporal", TemporalVars.ALL),
          new Group("Ingestion (worker and REST)", IngestVars.ALL),
          new Group("Readings storage", StorageVars.ALL),
          new Group("Readings API (admin WAR)", ReadingsVars.ALL),
          new Group("Features and nightly ETL", FeaturesVars.ALL),
          new Group("Optimisation (worker)", OptimizationVars.ALL),
          new Group("Setpoint delivery (worker)", SetpointVars.ALL),
          new Group("Worker", WorkerVars.ALL),
          new Group("Broker access files (worker)", BrokerAccessVars.ALL),
          new Group("Vendor clouds", VendorVars.ALL),
          new Group("Schedules (worker)", ScheduleVars.ALL),
          new Group("Admin WAR and WildFly", WebAdminVars.ALL),
          new Group("Logging", LogVars.ALL),
          new Group("Launcher", LauncherVars.ALL),
          new Group("Simulator", SimulatorVars.ALL));

  private EnvVars() {}

  public static List<EnvVar<?>> all() {
    return GROUPS.stream().flatMap(g -> g.variables().stream()).toList();
  }

  public static Optional<EnvVar<?>> named(String name) {
    return all().stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** The table of docs/configuration.md. */
  public static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append(
        """
        # Configuration

        Every setting is an environment variable, read once when a process starts (the launcher
        hands its children what they need). Unset or blank means the default; a bad value stops
        the process with a message naming the variable, the value and what it accepts, every bad
        variable at once.

        Each variable is declared once, in `de.vorlauf.domain.config` (module `domain/`: pure
        parsing from a map, no I/O): name, accepted range, default and meaning. The worker
        (`WorkerMain`), the WAR (its CDI producers), the launcher (`Launcher`) and the simulator
        (`SimulatorMain`) read the process environment once and parse it through these declarations with
        `EnvReader`, so no two processes can disagree on a range or a default. Default ports live
        in `DefaultPorts`. WildFly reads the database and the admin files itself, through
        `${env.X:default}` in `deploy/wildfly/src/main/cli/vorlauf-server.cli`;
        `WildflyCliDefaultsTest` keeps those defaults equal to the declared ones.

        To add a variable: declare it in the `*Vars` class of its concern, read it with
        `EnvReader.get` at the process's edge, and run `mvn -pl domain test`: `EnvVarsTableTest`
        writes the new table to `domain/target/configuration.md` (copy it here) and fails on any
        `"VORLAUF_…"` literal outside the declarations.

        This file is generated from the declarations; edit them, not it.
        """);
    for (Group group : GROUPS) {
      out.append("\n## ").append(group.title()).append("\n\n");
      out.append("| variable | default | accepts | read by | meaning |\n");
      out.append("| --- | --- | --- | --- | --- |\n");
      for (EnvVar<?> v : group.variables()) {
        out.append("| `")
            .append(v.name())
            .append("` | ")
            .append(defaultCell(v))
            .append(" | ")
            .append(cell(v.accepts()))
            .append(" | ")
            .append(String.join(", ", v.readBy().stream().map(ReadBy::label).toList()))
            .append(" | ")
            .append(cell(v.meaning()))
            .append(" |\n");
      }
    }
    return out.toString();
  }

  private static String defaultCell(EnvVar<?> v) {
    if (v.defaultText() != null) {
      return "`" + v.defaultText().replace("|", "\\|") + "`";
    }
    return v.unsetMeans() == null ? "–" : cell(v.unsetMeans());
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
  }
}
