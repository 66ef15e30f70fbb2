package de.vorlauf.ingest.brokeraccess;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The platform's own MQTT logins, each with a fixed user name and exactly the topics its clients
 * use. Their password hashes come from a {@code service-accounts} file ({@link
 * ServiceAccountsFile}), never from the registry.
 *
 * <p>The launcher in {@code deploy/devstack} writes the same ACL sections for the broker's first
 * start ({@code MosquittoAccessBootstrap}); a test in the worker keeps the two equal.
 */
public enum ServiceAccount {

  /**
   * The worker: the MQTT ingestor reads every device's readings through a shared subscription
   * ({@code $share/<group>/greenbox/+/sensors[/+]}) or, a single worker, a plain one ({@code
   * greenbox/+/sensors[/+]}); the same rules allow both, because Mosquitto checks a shared
   * subscription's messages and HiveMQ its filter without the {@code $share/<group>/} prefix. The
   * self-check activity makes a round trip under {@code vorlauf/self-check/}. Backlog uploads come
   * on their own shared subscription ({@code greenbox/+/backlog}) and get their commit receipts on
   * {@code greenbox/<device>/backlog/ack}. The optimisation activity publishes setpoints on {@code
   * greenbox/<device>/commands/setpoint}, and the setpoint delivery reads the devices' acks on a
   * shared subscription ({@code $share/<group>/greenbox/+/commands/ack}).
   */
  WORKER(
      "vorlauf-worker",
      List.of(
          "topic read greenbox/+/sensors",
          "topic read greenbox/+/sensors/#",
          "topic read greenbox/+/backlog",
          "topic write greenbox/+/backlog/ack",
          "topic write greenbox/+/commands/setpoint",
          "topic read greenbox/+/commands/ack",
          "topic readwrite vorlauf/self-check/#")),

  /** The admin WAR's status probe: a round trip under its own prefix and the broker version. */
  ADMIN(
      "vorlauf-admin",
      List.of("topic readwrite vorlauf/probe/admin/#", "topic read $SYS/broker/version")),

  /** The fleet simulator (issue 4): a gateway speaking for every simulated device. */
  SIMULATOR(
      "vorlauf-simulator",
      List.of(
          "topic write greenbox/+/sensors",
          "topic write greenbox/+/sensors/#",
          "topic read greenbox/+/commands/#",
          "topic write greenbox/+/commands/ack",
          "topic write greenbox/+/backlog",
          "topic read greenbox/+/backlog/ack"));

  private final String username;
  private final List<String> aclRules;

  ServiceAccount(String username, List<String> aclRules) {
    this.username = username;
    this.aclRules = aclRules;
  }

  /** The MQTT user name. A device with the same id gets no login (the exporter skips it). */
  public String username() {
    return username;
  }

  /** Lines of its {@code user} section in a Mosquitto {@code acl_file}. */
  public List<String> aclRules() {
    return aclRules;
  }

  public static Optional<ServiceAccount> byUsername(String username) {
    return Arrays.stream(values()).filter(a -> a.username.equals(username)).findFirst();
  }
}
