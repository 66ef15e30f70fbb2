package de.vorlauf.webadmin.readings;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the readings API's limits once, when the application starts. */
@ApplicationScoped
public class ReadingsLimitsProducer {

  private static final Logger LOG = LoggerFactory.getLogger(ReadingsLimitsProducer.class);

  private ReadingsLimits limits;

  @PostConstruct
  void read() {
    limits = ReadingsLimits.fromEnvironment(System.getenv());
    LOG.info("Vorlauf readings API limits: {}", limits);
  }

  @Produces
  ReadingsLimits limits() {
    return limits;
  }
}
