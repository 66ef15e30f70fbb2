package de.vorlauf.workflows.vendor;

import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A vendor cloud seen through the activity interface: each poll of a healthy installation stores
 * ten readings and moves the cursor one minute; installations can be made to fail per call. Records
 * every call with the (skipped) test time it happened at.
 */
final class FakeVendorActivities implements VendorPollingActivities {

  record Call(String installationId, Instant cursor, long atMillis) {}

  private final TestWorkflowEnvironment env;
  private volatile List<String> installations;
  private final Map<String, Function<Integer, RuntimeException>> failures =
      new ConcurrentHashMap<>();
  final List<Call> calls = new CopyOnWriteArrayList<>();

  FakeVendorActivities(TestWorkflowEnvironment env, String... installations) {
    this.env = env;
    this.installations = List.of(installations);
  }

  /** {@code failure} gets the 1-based attempt number of this installation and returns the error. */
  void failing(String installationId, Function<Integer, RuntimeException> failure) {
    failures.put(installationId, failure);
  }

  void healthy(String installationId) {
    failures.remove(installationId);
  }

  static RuntimeException rateLimited(Duration retryAfter) {
    return ApplicationFailure.newBuilder()
        .setType(RATE_LIMITED)
        .setMessage("rate limited: retry after " + retryAfter.toSeconds() + " s")
        .setNextRetryDelay(retryAfter)
        .build();
  }

  @Override
  public Installations listInstallations(String integrationId) {
    return new Installations(installations);
  }

  @Override
  public PollResult pollInstallation(PollRequest request) {
    calls.add(new Call(request.installationId(), request.cursor(), env.currentTimeMillis()));
    Function<Integer, RuntimeException> failure = failures.get(request.installationId());
    if (failure != null) {
      RuntimeException e = failure.apply(attempts(request.installationId()));
      if (e != null) {
        throw e;
      }
    }
    return new PollResult(
        request.installationId(), request.cursor().plus(Duration.ofMinutes(1)), 10, 1, 0);
  }

  int attempts(String installationId) {
    return (int) calls.stream().filter(c -> c.installationId().equals(installationId)).count();
  }

  List<Call> callsOf(String installationId) {
    List<Call> of = new ArrayList<>();
    for (Call call : calls) {
      if (call.installationId().equals(installationId)) {
        of.add(call);
      }
    }
    return of;
  }
}
