package de.vorlauf.ingest.brokeraccess;

/** Tells the broker to read its password and ACL files again. */
@FunctionalInterface
public interface BrokerReload {

  /**
   * @return a sentence for the log: what was done
   * @throws IllegalStateException when the broker could not be told
   */
  String reload();

  /** For brokers that are reloaded by someone else (an operator, a cron job). */
  BrokerReload NONE = () -> "broker not signalled (no pid file configured): reload it yourself";
}
