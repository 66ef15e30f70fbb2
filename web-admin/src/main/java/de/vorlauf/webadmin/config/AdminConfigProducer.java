package de.vorlauf.webadmin.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the environment once, when the application starts, and hands the same record to all. */
@ApplicationScoped
public class AdminConfigProducer {

  private static final Logger LOG = LoggerFactory.getLogger(AdminConfigProducer.class);

  private AdminConfig config;
  private MetricsConfig metrics;
  private RealtimeConfig realtime;

  @PostConstruct
  void read() {
    config = AdminConfig.fromEnvironment(System.getenv());
    metrics = MetricsConfig.fromEnvironment(System.getenv());
    realtime = RealtimeConfig.fromEnvironment(System.getenv());
    LOG.info("Vorlauf admin configuration: {}, {}, {}", config, metrics, realtime);
  }

  @Produces
  MetricsConfig metricsConfig() {
    return metrics;
  }

  @Produces
  RealtimeConfig realtimeConfig() {
    return realtime;
  }

  @Produces
  AdminConfig config() {
    return config;
  }
}
