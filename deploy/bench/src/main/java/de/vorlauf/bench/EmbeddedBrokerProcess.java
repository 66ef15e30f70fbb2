package de.vorlauf.bench;

import de.vorlauf.devstack.broker.BrokerKind;
import de.vorlauf.devstack.broker.BrokerOptions;
import de.vorlauf.devstack.broker.MqttBrokerService;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.process.Readiness;
import de.vorlauf.devstack.service.FreePorts;
import de.vorlauf.devstack.service.Origin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The embedded HiveMQ as the launcher hosts it, but in a JVM of its own with the launcher's heap
 * ({@link #HEAP}), so that its CPU and resident memory are measured apart from the publishers, as
 * Mosquitto's are. {@link #main} is that JVM: it starts the broker through the project's service
 * code and runs until it is terminated.
 */
final class EmbeddedBrokerProcess implements RunningBroker {

  /** The launcher's heap in {@code deploy/vorlauf up}. */
  static final String HEAP = "512m";

  private final Process process;
  private final int port;

  private EmbeddedBrokerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static EmbeddedBrokerProcess start(Path dir, Path log) {
    int port = FreePorts.find();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx" + HEAP);
    String jfr = System.getProperty("bench.brokerJfr");
    if (jfr != null) {
      command.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr);
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            EmbeddedBrokerProcess.class.getName(),
            dir.toString(),
            Integer.toString(port)));
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      EmbeddedBrokerProcess broker = new EmbeddedBrokerProcess(process, port);
      Readiness.await(
          "embedded HiveMQ on port " + port,
          Duration.ofMinutes(2),
          () -> Readiness.portOpen("127.0.0.1", port),
          () -> process.isAlive() ? null : "exited with " + process.exitValue() + ", see " + log);
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded HiveMQ", e);
    }
  }

  long pid() {
    return process.pid();
  }

  @Override
  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public Origin origin() {
    return Origin.EMBEDDED;
  }

  @Override
  public String label() {
    return "HiveMQ CE (embedded, own JVM -Xmx" + HEAP + ")";
  }

  @Override
  public void stop() {
    close();
  }

  @Override
  public void start() {
    throw new UnsupportedOperationException("the bench starts its broker once");
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** The broker JVM: {@code <dir> <port>}; stops on SIGTERM. */
  public static void main(String[] args) throws InterruptedException {
    RunningBroker broker =
        MqttBrokerService.start(
            new BrokerOptions(
                Path.of(args[0]), Integer.parseInt(args[1]), null, BrokerKind.HIVEMQ));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.close();
                  stopped.countDown();
                }));
    stopped.await();
  }
}
