package de.vorlauf.activities.delivery;

import java.time.Duration;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;

/** What the delivery's Paho clients (the setpoint publisher, the ack listener) share. */
public final class PahoClients {

  private PahoClients() {}

  /**
   * Disconnects (when connected) and closes a client, logging a failure of either at debug: at that
   * point the connection is being given up anyway, and a session a persistent client leaves at the
   * broker stays there.
   */
  public static void disconnectAndClose(
      MqttAsyncClient client, Duration timeout, Logger log, String what) {
    try {
      if (client.isConnected()) {
        client.disconnect().waitForCompletion(timeout.toMillis());
      }
    } catch (MqttException e) {
      log.debug("{}: disconnect failed: {}", what, e.toString());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      log.debug("{}: close failed: {}", what, e.toString());
    }
  }
}
