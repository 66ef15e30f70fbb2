package de.vorlauf.testsupport;

import java.util.Locale;
import java.util.UUID;

/**
 * Names that keep test classes apart on the shared broker and Temporal server: a class's MQTT
 * client ids, Temporal task queues and workflow ids all start with its own prefix, so a client left
 * connected or a workflow left running by one class never takes another's messages or tasks.
 */
public record TestNames(String prefix) {

  /** A prefix unique in this JVM run: the class's simple name and a random suffix. */
  public static TestNames of(Class<?> owner) {
    return new TestNames(
        owner.getSimpleName().toLowerCase(Locale.ROOT)
            + "-"
            + UUID.randomUUID().toString().substring(0, 8));
  }

  /** An MQTT client id, unique on the shared broker (brokers drop the older of two equal ids). */
  public String clientId(String role) {
    return prefix + "-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A task queue of this class only. */
  public String taskQueue(String name) {
    return prefix + "-" + name;
  }

  /** A workflow id of this class only. */
  public String workflowId(String name) {
    return prefix + "-" + name;
  }
}
