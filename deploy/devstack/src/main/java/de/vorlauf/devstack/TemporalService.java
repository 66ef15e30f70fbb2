package de.vorlauf.devstack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Chooses and starts Temporal: the configured server; else the Temporal CLI dev server (found on
 * the PATH or in ~/.cache/vorlauf/bin, or built there once with Go); else the in-JVM test server,
 * hosted in this JVM.
 */
public final class TemporalService {

  private TemporalService() {}

  public static RunningTemporal start(TemporalOptions options) {
    Optional<Path> cli = TemporalCli.locate();
    ServiceSelection.TemporalPlan plan =
        ServiceSelection.temporal(
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
}
