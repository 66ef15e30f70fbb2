package de.vorlauf.simulator.mqtt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All connections of a simulated fleet: which connection publishes for which device (each also
 * subscribes to its devices' backlog receipts), and the two small thread pools they share
 * (connection attempts; setpoint commands, which must not run on Paho's callback threads because
 * answering them publishes).
 */
public final class FleetConnections implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FleetConnections.class);

  private final List<PublisherConnection> connections = new ArrayList<>();
  private final Map<String, PublisherConnection> byDevice = new HashMap<>();
  private final ScheduledExecutorService reconnects;
  private final ExecutorService dispatcher;

  private FleetConnections() {
    AtomicInteger n = new AtomicInteger();
    reconnects =
        Executors.newScheduledThreadPool(
            2, r -> daemon(r, "sim-mqtt-connect-" + n.incrementAndGet()));
    dispatcher =
        Executors.newFixedThreadPool(2, r -> daemon(r, "sim-commands-" + n.incrementAndGet()));
  }

  /**
   * Creates the connections and starts connecting them in the background.
   *
   * @param inbound receives setpoint commands for every device (null: subscribe to nothing)
   */
  public static FleetConnections open(
      MqttSettings settings,
      List<ConnectionPlan> plans,
      InboundListener inbound,
      PublisherConnection.RefusalListener refusals) {
    FleetConnections fleet = new FleetConnections();
    try {
      for (ConnectionPlan plan : plans) {
        List<String> filters = new ArrayList<>(plan.deviceIds().size() * 2);
        plan.deviceIds().forEach(d -> filters.add(Topics.backlogAck(d)));
        if (inbound != null) {
          plan.deviceIds().forEach(d -> filters.add(Topics.setpoint(d)));
        }
        PublisherConnection connection =
            new PublisherConnection(
                settings,
                plan.login(),
                filters,
                inbound,
                refusals,
                fleet.reconnects,
                fleet.dispatcher);
        fleet.connections.add(connection);
        for (String device : plan.deviceIds()) {
          if (fleet.byDevice.put(device, connection) != null) {
            throw new IllegalArgumentException("device " + device + " is in two connections");
          }
        }
      }
    } catch (MqttException e) {
      fleet.close();
      throw new IllegalStateException("cannot create an MQTT client for " + settings.url(), e);
    }
    fleet.connections.forEach(PublisherConnection::start);
    log.info(
        "{} MQTT connections to {} for {} devices",
        plans.size(),
        settings.url(),
        fleet.byDevice.size());
    return fleet;
  }

  public PublisherConnection forDevice(String deviceId) {
    PublisherConnection connection = byDevice.get(deviceId);
    if (connection == null) {
      throw new IllegalArgumentException("no connection publishes for device " + deviceId);
    }
    return connection;
  }

  public int size() {
    return connections.size();
  }

  public int connectedCount() {
    return (int) connections.stream().filter(PublisherConnection::isConnected).count();
  }

  public long pendingCount() {
    return connections.stream().mapToLong(PublisherConnection::pendingCount).sum();
  }

  public long refusedCount() {
    return connections.stream().mapToLong(PublisherConnection::refusedCount).sum();
  }

  /**
   * Waits until every connection is up with its subscriptions answered, so a setpoint command sent
   * now reaches its device (false when the timeout passed first).
   */
  public boolean awaitSubscribed(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (connections.stream().filter(PublisherConnection::isSubscribed).count()
        < connections.size()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  /** Waits until every connection is up (false when the timeout passed first). */
  public boolean awaitConnected(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (connectedCount() < connections.size()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  /** Backlog messages sent and not yet committed by ingestion, on every connection. */
  public long awaitingReceiptCount() {
    return connections.stream().mapToLong(PublisherConnection::awaitingReceiptCount).sum();
  }

  /** Waits until ingestion committed every backlog message sent so far on every connection. */
  public boolean drainBacklog(Duration timeout) throws InterruptedException {
    return eachWithin(timeout, PublisherConnection::drainBacklog);
  }

  /** Waits until the broker acknowledged everything published so far on every connection. */
  public boolean drain(Duration timeout) throws InterruptedException {
    return eachWithin(timeout, PublisherConnection::drain);
  }

  private interface Drain {
    boolean drain(PublisherConnection connection, Duration timeout) throws InterruptedException;
  }

  /** One deadline for all connections, each waited for in turn. */
  private boolean eachWithin(Duration timeout, Drain drain) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (PublisherConnection connection : connections) {
      long left = Math.max(0, deadline - System.nanoTime());
      if (!drain.drain(connection, Duration.ofNanos(left))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    reconnects.shutdownNow();
    dispatcher.shutdown();
    try {
      dispatcher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connections.parallelStream().forEach(PublisherConnection::close);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread thread = new Thread(r, name);
    thread.setDaemon(true);
    return thread;
  }
}
