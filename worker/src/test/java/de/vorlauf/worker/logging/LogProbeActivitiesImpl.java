package de.vorlauf.worker.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class LogProbeActivitiesImpl implements LogProbeActivities {

  private static final Logger LOG = LoggerFactory.getLogger(LogProbeActivitiesImpl.class);

  @Override
  public String logLine(String marker) {
    LOG.info("activity {}", marker);
    return marker;
  }
}
