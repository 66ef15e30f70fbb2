package de.vorlauf.devstack.temporal;

import de.vorlauf.devstack.service.Origin;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Chooses and starts Temporal: the configured server; else the Temporal CLI dev server (found on
 * the PATH or in ~/.cache/vorlauf/bin, or built there once with Go); else the in-JVM test server,
 * hosted in this JVM.
 */
public final class TemporalService {

  /** How the Temporal server will be provided. */
  enum Plan {
    EXTERNAL,
    CLI_DEV_SERVER,
    /** Build the CLI with Go once (cached), then run its dev server. */
    BUILD_CLI_THEN_DEV_SERVER,
    IN_JVM
  }

  private TemporalService() {}

  public static RunningTemporal start(TemporalOptions options) {
    Optional<Path> cli = TemporalCli.locate();
    Plan plan =
        plan(
            options.externalAddress(),
            options.preferred(),
            cli,
            TemporalCli.goBinary().isPresent());
    RunningTemporal temporal =
        switch (plan) {
          case EXTERNAL -> new ExternalTemporal(options.externalAddress());
          case CLI_DEV_SERVER -> new CliDevServer(cli.orElseThrow(), options);
          case BUILD_CLI_THEN_DEV_SERVER ->
              new CliDevServer(TemporalCli.build(options.logDir()), options);
          case IN_JVM -> new InJvmTemporalServer(options);
        };
    temporal.start();
    return temporal;
  }

  /**
   * External address → CLI dev server (installed, or built with Go) → in-JVM test server. A pure
   * function of what is configured and installed, so that it is tested without a server.
   */
  static Plan plan(
      String externalAddress,
      TemporalKind preferred,
      Optional<Path> cliBinary,
      boolean goAvailable) {
    if (Origin.configured(externalAddress)) {
      return Plan.EXTERNAL;
    }
    Plan cli =
        cliBinary.isPresent()
            ? Plan.CLI_DEV_SERVER
            : goAvailable ? Plan.BUILD_CLI_THEN_DEV_SERVER : null;
    return switch (preferred) {
      case IN_JVM -> Plan.IN_JVM;
      case CLI_DEV_SERVER -> {
        if (cli == null) {
          throw new IllegalStateException(
              "the Temporal CLI dev server was asked for, but neither the temporal binary nor Go"
                  + " is installed");
        }
        yield cli;
      }
      case AUTO -> cli == null ? Plan.IN_JVM : cli;
      case EXTERNAL ->
          throw new IllegalArgumentException("an external Temporal server needs TEMPORAL_ADDRESS");
    };
  }
}
