package de.vorlauf.worker.it;

import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.worker.WorkerMain;
import de.vorlauf.worker.config.WorkerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Helpers shared by the ITs; stateless. */
final class Services {

  private Services() {}

  /** A worker configuration pointing at the given services, health on a free port. */
  static WorkerConfig workerConfig(
      RunningPostgres postgres, RunningBroker broker, RunningTemporal temporal) {
    return WorkerConfig.builder()
        .dbUrl(postgres.jdbcUrl())
        .dbUser(postgres.user())
        .dbPassword(postgres.password())
        .mqttUrl(broker.url())
        .temporalAddress(temporal.address())
        .healthPort(0)
        .shutdownGrace(Duration.ofSeconds(10))
        .build();
  }

  /** The worker's migrate command, run in-process. */
  static int migrate(WorkerConfig config) {
    return WorkerMain.migrate(config);
  }

  static HttpResponse<String> health(int port) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
