package de.vorlauf.devstack.temporal;

import de.vorlauf.devstack.service.Origin;
import de.vorlauf.devstack.service.ServicePorts;
import de.vorlauf.devstack.service.ShutdownRegistry;
import de.vorlauf.workflows.search.BuildingSearchAttribute;
import de.vorlauf.workflows.temporal.TemporalServerKind;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.AddSearchAttributesResponse;
import io.temporal.api.operatorservice.v1.OperatorServiceGrpc;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Temporal SDK's test server, hosted in this JVM as the last fallback. Unlike {@code
 * TestServer.createPortBoundServer} it binds loopback only, and it strips sticky attributes (see
 * {@link StickyAttributesStripper}). Real time, no time skipping.
 */
final class InJvmTemporalServer implements RunningTemporal {

  /** The short form for the service's label; the full list is the platform's one statement. */
  static final String LIMITS = "no Schedules, no visibility queries, nothing persisted";

  private static final Logger LOG = LoggerFactory.getLogger(InJvmTemporalServer.class);
  private static final AtomicBoolean LIMITS_LOGGED = new AtomicBoolean();

  private final TemporalOptions options;
  private TestServicesStarter services;
  private Server server;

  InJvmTemporalServer(TemporalOptions options) {
    this.options = options;
  }

  @Override
  public synchronized void start() {
    if (server != null) {
      return;
    }
    ServicePorts.requireFree(options.port(), "Temporal gRPC (in-JVM)");
    TestServicesStarter starter = new TestServicesStarter(true, 0);
    registerSearchAttributes(starter);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", options.port()));
    GRPCServerHelper.registerServicesAndHealthChecks(
        starter.getServices(), builder, List.of(new StickyAttributesStripper()));
    try {
      server = builder.build().start();
    } catch (IOException e) {
      starter.close();
      throw new UncheckedIOException(
          "in-JVM Temporal server cannot bind port " + options.port(), e);
    }
    services = starter;
    ShutdownRegistry.register(this);
    if (LIMITS_LOGGED.compareAndSet(false, true)) {
      LOG.warn(
          "Temporal runs as the in-JVM test server. Limits: {}. Install Go or the Temporal CLI"
              + " for a real dev server.",
          String.join("; ", TemporalServerKind.IN_JVM_LIMITS));
    }
    LOG.info("{} listening on {}", label(), address());
  }

  /**
   * The platform's custom search attributes, as the CLI dev server gets them on its command line:
   * the test server refuses the start of a workflow that sets an attribute it does not know, so a
   * per-building workflow ({@link BuildingSearchAttribute#tag}) starts here too.
   */
  private static void registerSearchAttributes(TestServicesStarter starter) {
    // the gRPC base type: the test server's own class is package-private
    OperatorServiceGrpc.OperatorServiceImplBase operator = starter.getOperatorService();
    operator.addSearchAttributes(
        AddSearchAttributesRequest.newBuilder()
            .putSearchAttributes(
                BuildingSearchAttribute.NAME, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
            .build(),
        new StreamObserver<>() {
          @Override
          public void onNext(AddSearchAttributesResponse response) {}

          @Override
          public void onError(Throwable e) {
            LOG.warn(
                "in-JVM Temporal refused the search attribute {}", BuildingSearchAttribute.NAME, e);
          }

          @Override
          public void onCompleted() {}
        });
  }

  @Override
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    ShutdownRegistry.unregister(this);
    try {
      server.shutdown();
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      services.close();
      server = null;
      services = null;
    }
    LOG.info("In-JVM Temporal server on {} stopped; its workflows are gone", address());
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String address() {
    return "127.0.0.1:" + options.port();
  }

  @Override
  public Optional<String> uiUrl() {
    return Optional.empty();
  }

  @Override
  public TemporalKind kind() {
    return TemporalKind.IN_JVM;
  }

  @Override
  public Origin origin() {
    return Origin.EMBEDDED;
  }

  @Override
  public String label() {
    return TemporalServerKind.IN_JVM.label() + " (" + LIMITS.replace(", ", " / ") + ")";
  }

  @Override
  public String toString() {
    return label() + " on " + address();
  }
}
