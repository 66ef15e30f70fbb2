package de.vorlauf.domain.config;

import static de.vorlauf.domain.config.ReadBy.LAUNCHER;
import static de.vorlauf.domain.config.ReadBy.WILDFLY;
import static de.vorlauf.domain.config.ReadBy.WORKER;

import java.util.List;
import java.util.Locale;

/** The Temporal server: the names are the Temporal CLI's own, so its tools read them too. */
public final class TemporalVars {

  public static final EnvVar<String> ADDRESS =
      EnvVar.hostPort("TEMPORAL_ADDRESS")
          .byDefault(DefaultPorts.LOOPBACK + ":" + DefaultPorts.TEMPORAL)
          .readBy(LAUNCHER, WORKER, WILDFLY)
          .means("Temporal frontend; set, the launcher uses it and starts none");

  public static final EnvVar<String> NAMESPACE =
      EnvVar.text("TEMPORAL_NAMESPACE")
          .byDefault("default")
          .readBy(WORKER, WILDFLY)
          .means("Temporal namespace");

  public static final EnvVar<String> UI_URL =
      EnvVar.url("VORLAUF_TEMPORAL_UI_URL", false, "http", "https")
          .unset("the Web UI of the dev server the launcher starts; none otherwise")
          .readBy(LAUNCHER, WILDFLY)
          .means("Temporal Web UI that workflow links point at");

  /** cli and in-jvm, with the spellings earlier versions accepted. */
  public static final EnvVar<String> SERVER =
      EnvVar.of(
              "VORLAUF_TEMPORAL_SERVER",
              "auto, cli or in-jvm",
              text ->
                  switch (text.toLowerCase(Locale.ROOT)) {
                    case "auto" -> "auto";
                    case "cli", "dev-server", "cli_dev_server" -> "cli";
                    case "in-jvm", "in_jvm", "test-server" -> "in-jvm";
                    default -> throw new IllegalArgumentException();
                  })
          .byDefault("auto")
          .readBy(LAUNCHER)
          .means("server the launcher starts: auto is the CLI dev server if found, else in-JVM");

  public static final List<EnvVar<?>> ALL = List.of(ADDRESS, NAMESPACE, UI_URL, SERVER);

  private TemporalVars() {}
}
