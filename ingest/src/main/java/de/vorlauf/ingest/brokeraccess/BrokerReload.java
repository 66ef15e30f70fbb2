package de.vorlauf.ingest.brokeraccess;

/** Tells the broker to read its password and ACL files again. */
@FunctionalInterface
public interface BrokerReload {

  /**
   * @return a sentence for the log: what was done
   * @throws IllegalStateException when the broker could not be told
   */
  String reload();

  /**
   * For brokers that are reloaded by someone else (an operator, a cron job) or that notice changed
   * files themselves (the launcher's embedded HiveMQ, within a second).
   */
  BrokerReload NONE =
      () ->
          "broker not signalled (no pid file configured): the embedded HiveMQ re-reads changed"
              + " files itself, any other broker must be reloaded by its operator";
}
