package de.vorlauf.webadmin.config;

import de.vorlauf.domain.config.EnvReader;
import de.vorlauf.ingest.progress.IngestionThresholds;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the ingestion settings once, when the application starts, and the thresholds by which the
 * status page's ingestion card calls a lane behind (the self-check's, VORLAUF_SELFCHECK_*).
 */
@ApplicationScoped
public class IngestConfigProducer {

  private static final Logger LOG = LoggerFactory.getLogger(IngestConfigProducer.class);

  private IngestConfig config;
  private IngestionThresholds thresholds;

  @PostConstruct
  void read() {
    config = IngestConfig.fromEnvironment(System.getenv());
    LOG.info("Vorlauf ingest configuration: {}", config);
    // a bad value reads as its default here; the worker refuses to start with it
    thresholds = IngestionThresholds.read(new EnvReader(System.getenv()));
  }

  @Produces
  IngestionThresholds thresholds() {
    return thresholds;
  }

  @Produces
  IngestConfig config() {
    return config;
  }
}
