package de.vorlauf.simulator.cloud;

import static de.vorlauf.simulator.cloud.CloudFixture.WITH_ROOM;
import static de.vorlauf.simulator.cloud.CloudFixture.devicePath;
import static de.vorlauf.simulator.cloud.CloudFixture.json;
import static de.vorlauf.simulator.cloud.CloudFixture.minute;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VendorCloudFaultsTest {

  private static final String INSTALLATIONS = "/iot/v1/equipment/installations";

  private final CloudFixture fixture = new CloudFixture();

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void limitsABurstPerClientAndSaysWhenToRetry() {
    fixture.start(faults(2.0, 5, 0, 0, Duration.ZERO));
    String token = fixture.token();
    String other = fixture.token("other", "other-secret");

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      statuses.add(fixture.get(INSTALLATIONS, token).statusCode());
    }
    HttpResponse<String> limited = fixture.get(INSTALLATIONS, token);

    assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429, 429, 429);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(json(limited).get("error").asText()).isEqualTo("RATE_LIMIT_EXCEEDED");
    assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
        .isGreaterThanOrEqualTo(1);
    assertThat(fixture.get(INSTALLATIONS, other).statusCode())
        .as("another client has its own bucket")
        .isEqualTo(200);

    fixture.clock.advance(Duration.ofMillis(500));
    assertThat(fixture.get(INSTALLATIONS, token).statusCode()).isEqualTo(200);
    assertThat(fixture.get(INSTALLATIONS, token).statusCode()).isEqualTo(429);
    assertThat(fixture.server.stats().rateLimited()).isEqualTo(5);
  }

  @Test
  void failsEveryRequestWithA5xxAtRateOne() {
    fixture.start(faults(Double.POSITIVE_INFINITY, 1, 1.0, 0, Duration.ZERO));

    Map<Integer, Integer> statuses = new HashMap<>();
    for (int i = 0; i < 60; i++) {
      HttpResponse<String> response =
          i % 2 == 0
              ? fixture.tokenRequest(CloudFixture.CLIENT_ID, CloudFixture.SECRET)
              : fixture.get(INSTALLATIONS, "any");
      statuses.merge(response.statusCode(), 1, Integer::sum);
    }

    assertThat(statuses).containsOnlyKeys(500, 502, 503);
    assertThat(fixture.server.stats().serverErrors()).isEqualTo(60);
    assertThat(fixture.server.stats().tokensIssued()).isZero();
  }

  @Test
  void injectsServerErrorsAtTheConfiguredRate() {
    fixture.start(faults(Double.POSITIVE_INFINITY, 1, 0.2, 0, Duration.ZERO));
    String token = tokenDespiteFaults();

    int errors = 0;
    for (int i = 0; i < 400; i++) {
      int status = fixture.get(INSTALLATIONS, token).statusCode();
      assertThat(status).isIn(200, 500, 502, 503);
      errors += status == 200 ? 0 : 1;
    }

    assertThat(errors).isBetween(48, 112);
  }

  @Test
  void holdsRequestsPastTheClientTimeoutAtRateOne() throws Exception {
    Duration hold = Duration.ofMillis(400);
    fixture.start(faults(Double.POSITIVE_INFINITY, 1, 0, 1.0, hold));

    HttpClient impatient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    CompletableFuture<HttpResponse<String>> timedOut =
        impatient.sendAsync(
            fixture.request(INSTALLATIONS, "any").timeout(Duration.ofMillis(100)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(cause(timedOut)).isInstanceOf(HttpTimeoutException.class);

    List<CompletableFuture<HttpResponse<String>>> patient = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      patient.add(
          HttpClient.newHttpClient()
              .sendAsync(
                  fixture.request(INSTALLATIONS, "any").build(),
                  HttpResponse.BodyHandlers.ofString()));
    }
    int gatewayTimeouts = 0;
    int cutOff = 0;
    for (CompletableFuture<HttpResponse<String>> call : patient) {
      Throwable failure = cause(call);
      if (failure == null) {
        assertThat(call.get().statusCode()).isEqualTo(504);
        gatewayTimeouts++;
      } else {
        assertThat(failure).isInstanceOf(IOException.class);
        cutOff++;
      }
    }
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(elapsedMillis)
        .as("held, but on a scheduler: 20 holds on 8 handler threads finish in about one hold")
        .isBetween(hold.toMillis(), 2_500L);
    assertThat(gatewayTimeouts).isPositive();
    assertThat(cutOff).isPositive();
    // the JDK client silently retries a GET once when the connection is cut, so more than 21
    // requests may arrive; every one of them must have been held
    CloudServerStats stats = fixture.server.stats();
    assertThat(stats.timeouts()).isGreaterThanOrEqualTo(21).isEqualTo(stats.requests());
    assertThat(stats.count(504))
        .isGreaterThanOrEqualTo(gatewayTimeouts)
        .isLessThan(stats.timeouts());
  }

  @Test
  void refusesEverythingDuringAnOutageAndRecovers() {
    fixture.recordMinutes(3).data.advanceTo(minute(2));
    fixture.start(CloudFaults.none());
    String token = fixture.token();

    fixture.server.outage(true);
    HttpResponse<String> tokenDuringOutage =
        fixture.tokenRequest(CloudFixture.CLIENT_ID, CloudFixture.SECRET);
    HttpResponse<String> apiDuringOutage = fixture.get(devicePath(WITH_ROOM) + "/features", token);
    assertThat(tokenDuringOutage.statusCode()).isEqualTo(503);
    assertThat(apiDuringOutage.statusCode()).isEqualTo(503);
    assertThat(json(apiDuringOutage).get("error").asText()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(fixture.get("/nowhere", token).statusCode()).isEqualTo(503);

    fixture.server.outage(false);
    assertThat(fixture.get(devicePath(WITH_ROOM) + "/features", token).statusCode()).isEqualTo(200);
    assertThat(fixture.server.stats().outageRefusals()).isEqualTo(3);
    assertThat(fixture.server.stats().count(503)).isEqualTo(3);
  }

  private String tokenDespiteFaults() {
    for (int attempt = 0; attempt < 50; attempt++) {
      HttpResponse<String> response =
          fixture.tokenRequest(CloudFixture.CLIENT_ID, CloudFixture.SECRET);
      if (response.statusCode() == 200) {
        return json(response).get("access_token").asText();
      }
    }
    throw new AssertionError("no token in 50 attempts");
  }

  private static Throwable cause(CompletableFuture<?> call) throws InterruptedException {
    try {
      call.get(10, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("the server never let go of a held request", e);
    }
  }

  private static CloudFaults faults(
      double rate, int burst, double errors, double timeouts, Duration hold) {
    return new CloudFaults(rate, burst, errors, timeouts, hold, Duration.ofMinutes(10), 7L);
  }
}
