package de.vorlauf.bench.closedloop;

import de.vorlauf.domain.optimization.WeatherForecast;
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
   * result store), the broker the simulated devices listen on (anonymous here), the harness's
   * simulated clock (the optimisation itself takes its "as of" from the batch), and the forecast
   * port's implementation.
   *
   * @param forecast the scenario's forecast; null: the platform's own ({@code PersistenceForecast})
   */
  record Platform(DataSource dataSource, String mqttUrl, Clock clock, WeatherForecast forecast) {}

  OptimizationActivities create(Platform platform);
}
