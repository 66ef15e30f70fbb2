package de.vorlauf.testsupport;

import de.vorlauf.devstack.broker.BrokerAccessControl;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.service.Origin;
import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.devstack.temporal.TemporalKind;
import java.util.Optional;

/**
 * What test classes get of a shared server: everything but the power to stop it. {@code close()}
 * does nothing (a test's clean-up code may close what it was given); {@code stop()} and {@code
 * start()} refuse, pointing to {@link Dedicated}.
 */
final class Shared {

  private Shared() {}

  static RunningBroker broker(RunningBroker server) {
    return new Broker(server);
  }

  static RunningTemporal temporal(RunningTemporal server) {
    return new Temporal(server);
  }

  private static UnsupportedOperationException refused(String service) {
    return new UnsupportedOperationException(
        "the test JVM's " + service + " is shared; annotate the test class @Dedicated to stop one");
  }

  private record Broker(RunningBroker server) implements RunningBroker {
    @Override
    public String url() {
      return server.url();
    }

    @Override
    public Optional<BrokerAccessControl> accessControl() {
      return server.accessControl();
    }

    @Override
    public Origin origin() {
      return server.origin();
    }

    @Override
    public String label() {
      return server.label() + " (shared by the test JVM)";
    }

    @Override
    public void stop() {
      throw refused("broker");
    }

    @Override
    public void start() {
      throw refused("broker");
    }

    @Override
    public void close() {}
  }

  private record Temporal(RunningTemporal server) implements RunningTemporal {
    @Override
    public String address() {
      return server.address();
    }

    @Override
    public Optional<String> uiUrl() {
      return server.uiUrl();
    }

    @Override
    public TemporalKind kind() {
      return server.kind();
    }

    @Override
    public Origin origin() {
      return server.origin();
    }

    @Override
    public String label() {
      return server.label() + " (shared by the test JVM)";
    }

    @Override
    public void stop() {
      throw refused("Temporal server");
    }

    @Override
    public void start() {
      throw refused("Temporal server");
    }

    @Override
    public void close() {}
  }
}
