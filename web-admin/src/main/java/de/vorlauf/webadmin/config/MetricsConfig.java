package de.vorlauf.webadmin.config;

import de.vorlauf.domain.config.EnvReader;
import de.vorlauf.domain.config.WebAdminVars;
import java.util.Map;

/**
 * Who may read the WAR's {@code /metrics}.
 *
 * @param remote false (the default): loopback clients only, as the worker's endpoint is bound to
 *     loopback; true: any client (put something that authenticates in front)
 */
public record MetricsConfig(boolean remote) {

  public static MetricsConfig fromEnvironment(Map<String, String> environment) {
    EnvReader env = new EnvReader(environment);
    MetricsConfig config = new MetricsConfig(env.get(WebAdminVars.METRICS_REMOTE));
    env.throwIfInvalid();
    return config;
  }
}
