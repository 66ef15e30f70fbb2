package de.vorlauf.activities.portfolio;

import de.vorlauf.persistence.portfolio.PortfolioRunStore;

/** Told when a portfolio run's summary is written final (the worker's metrics). */
public interface PortfolioListener {

  PortfolioListener NONE = run -> {};

  /** The run as stored after its final write (state COMPLETED or FAILED). */
  void finished(PortfolioRunStore.Run run);
}
