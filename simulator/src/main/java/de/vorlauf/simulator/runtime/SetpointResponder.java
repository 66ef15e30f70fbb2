package de.vorlauf.simulator.runtime;

import de.vorlauf.simulator.mqtt.InboundListener;
import de.vorlauf.simulator.mqtt.PublisherConnection;
import de.vorlauf.simulator.mqtt.SetpointMessages;
import de.vorlauf.simulator.mqtt.Topics;
import de.vorlauf.simulator.physics.SetpointCommand;
import de.vorlauf.simulator.physics.SetpointResult;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The closed loop's device side: a setpoint command for a simulated device goes to its building's
 * simulation (which applies it within the equipment's limits or rejects it) and the answer goes
 * back on {@code greenbox/<device>/commands/ack} over the connection that received it. A command
 * that cannot be read is rejected when its {@code command_id} can be read, otherwise only logged
 * (there is nobody to answer). An expired command ({@code valid_until} passed) is rejected without
 * touching the building.
 */
final class SetpointResponder implements InboundListener {

  private static final Logger log = LoggerFactory.getLogger(SetpointResponder.class);

  private final Map<String, SimulatedBuilding> byDevice;
  private final Clock clock;
  private final AtomicLong applied = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong unreadable = new AtomicLong();

  SetpointResponder(Map<String, SimulatedBuilding> byDevice, Clock clock) {
    this.byDevice = Map.copyOf(byDevice);
    this.clock = clock;
  }

  @Override
  public void arrived(String topic, byte[] payload, PublisherConnection connection) {
    Optional<String> device = Topics.setpointDevice(topic);
    SimulatedBuilding building = device.map(byDevice::get).orElse(null);
    if (building == null) {
      log.warn("setpoint on {}: no simulated device of this connection", topic);
      return;
    }
    SetpointMessages.Parsed parsed = SetpointMessages.parse(payload);
    byte[] answer;
    if (parsed instanceof SetpointMessages.Valid valid) {
      answer = respond(building, valid.command());
    } else {
      SetpointMessages.Invalid invalid = (SetpointMessages.Invalid) parsed;
      if (invalid.commandId() == null) {
        unreadable.incrementAndGet();
        log.warn("setpoint for {} ignored: {}", building.deviceId(), invalid.reason());
        return;
      }
      rejected.incrementAndGet();
      answer = SetpointMessages.rejected(invalid.commandId(), invalid.reason(), clock.instant());
    }
    try {
      connection.publish(Topics.ack(building.deviceId()), answer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IllegalStateException e) {
      log.warn("ack for {} not sent: {}", building.deviceId(), e.getMessage());
    }
  }

  private byte[] respond(SimulatedBuilding building, SetpointCommand command) {
    if (command.validUntil() != null && command.validUntil().isBefore(clock.instant())) {
      rejected.incrementAndGet();
      return SetpointMessages.rejected(
          command.commandId(), "expired: valid_until " + command.validUntil(), clock.instant());
    }
    SetpointResult result = building.apply(command);
    (result.applied() ? applied : rejected).incrementAndGet();
    log.info(
        "setpoint {} for {}: {} {}",
        command.commandId(),
        building.deviceId(),
        result.applied() ? "applied" : "rejected",
        result.applied() ? result.appliedValue() : result.reason());
    return SetpointMessages.ack(result);
  }

  long applied() {
    return applied.get();
  }

  long rejected() {
    return rejected.get();
  }

  long unreadable() {
    return unreadable.get();
  }
}
