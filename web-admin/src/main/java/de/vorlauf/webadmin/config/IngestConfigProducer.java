package de.vorlauf.webadmin.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the ingestion settings once, when the application starts. */
@ApplicationScoped
public class IngestConfigProducer {

  private static final Logger LOG = LoggerFactory.getLogger(IngestConfigProducer.class);

  private IngestConfig config;

  @PostConstruct
  void read() {
    config = IngestConfig.fromEnvironment(System.getenv());
    LOG.info("Vorlauf ingest configuration: {}", config);
  }

  @Produces
  IngestConfig config() {
    return config;
  }
}
