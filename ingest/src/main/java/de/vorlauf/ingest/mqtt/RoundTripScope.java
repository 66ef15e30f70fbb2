package de.vorlauf.ingest.mqtt;

import de.vorlauf.ingest.brokeraccess.ServiceAccount;

/**
 * Who makes a round trip: its topics and client ids. The topic prefixes are exactly what the
 * service account's ACL grants ({@link ServiceAccount}, and {@code MosquittoAccessBootstrap} in
 * deploy/devstack for the broker's first start); another prefix would be refused by the broker.
 */
public enum RoundTripScope {

  /** The worker's self-check activity, logged in as {@link ServiceAccount#WORKER}. */
  SELF_CHECK(ServiceAccount.WORKER, "vorlauf/self-check/", "vorlauf-self-check-", false),

  /**
   * The admin WAR's status probe, logged in as {@link ServiceAccount#ADMIN}, whose ACL also lets it
   * read the retained {@value MqttRoundTrip#VERSION_TOPIC}.
   */
  ADMIN_PROBE(ServiceAccount.ADMIN, "vorlauf/probe/admin/", "vorlauf-admin-probe-", true);

  private final ServiceAccount account;
  private final String topicPrefix;
  private final String clientIdPrefix;
  private final boolean readsBrokerVersion;

  RoundTripScope(
      ServiceAccount account,
      String topicPrefix,
      String clientIdPrefix,
      boolean readsBrokerVersion) {
    this.account = account;
    this.topicPrefix = topicPrefix;
    this.clientIdPrefix = clientIdPrefix;
    this.readsBrokerVersion = readsBrokerVersion;
  }

  /** The login whose ACL grants {@link #topicPrefix()}. */
  public ServiceAccount account() {
    return account;
  }

  /** Every round-trip topic starts with it and ends in a fresh UUID. */
  public String topicPrefix() {
    return topicPrefix;
  }

  /** Client ids are this prefix plus a fresh UUID, so two probes never take over each other. */
  public String clientIdPrefix() {
    return clientIdPrefix;
  }

  /** Whether the round trip also asks for the broker's version (the ACL must allow it). */
  public boolean readsBrokerVersion() {
    return readsBrokerVersion;
  }
}
