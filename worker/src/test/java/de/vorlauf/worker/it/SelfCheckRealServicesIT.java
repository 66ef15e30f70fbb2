package de.vorlauf.worker.it;

import de.vorlauf.devstack.broker.BrokerKind;
import de.vorlauf.devstack.temporal.TemporalKind;

/**
 * The self-check against real services: PostgreSQL, a Mosquitto we start, the Temporal CLI dev
 * server.
 */
class SelfCheckRealServicesIT extends SelfCheckScenario {

  @Override
  BrokerKind brokerKind() {
    return BrokerKind.MOSQUITTO;
  }

  @Override
  TemporalKind temporalKind() {
    return TemporalKind.CLI_DEV_SERVER;
  }

  @Override
  String brokerLabel() {
    return "mosquitto";
  }

  @Override
  String temporalServerName() {
    return "Temporal dev server";
  }
}
