package de.vorlauf.bench.closedloop;

import de.vorlauf.workflows.optimization.OptimizationActivities;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Where the closed loop gets its {@link OptimizationActivities} from: the platform's
 * implementation, or {@link ClosedLoopOptimization#curveOnly()} while none is plugged in.
 */
@FunctionalInterface
public interface OptimizationFactory {

  /**
   * What an implementation may use: the platform's database (registry, features, model registry,
   * result store), the broker the simulated devices listen on (anonymous here), and the harness's
   * simulated clock (the optimisation itself takes its "as of" from the batch).
   */
  record Platform(DataSource dataSource, String mqttUrl, Clock clock) {}

  OptimizationActivities create(Platform platform);
}
