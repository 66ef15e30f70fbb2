package de.vorlauf.worker.it;

import de.vorlauf.devstack.broker.BrokerKind;
import de.vorlauf.devstack.temporal.TemporalKind;

/**
 * The self-check against the embedded fallbacks: zonky PostgreSQL, HiveMQ CE, the in-JVM Temporal
 * server.
 */
class SelfCheckEmbeddedFallbacksIT extends SelfCheckScenario {

  @Override
  BrokerKind brokerKind() {
    return BrokerKind.HIVEMQ;
  }

  @Override
  TemporalKind temporalKind() {
    return TemporalKind.IN_JVM;
  }

  @Override
  String brokerLabel() {
    return "hivemq";
  }

  @Override
  String temporalServerName() {
    return "in-JVM Temporal test server";
  }
}
