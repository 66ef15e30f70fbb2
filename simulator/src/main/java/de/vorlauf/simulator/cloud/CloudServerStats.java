package de.vorlauf.simulator.cloud;

import java.util.Map;

/**
 * What the cloud has answered since it started, so a test can assert that the faults it configured
 * really happened rather than trusting a rate.
 *
 * @param serverErrors injected random 500/502/503, not the 503s of an outage
 * @param timeouts requests held past any sensible client timeout, then answered 504 or cut off
 * @param outageRefusals requests refused with 503 because an outage was on
 * @param byStatus every status code the server sent, with its count
 */
public record CloudServerStats(
    long requests,
    long tokensIssued,
    long invalidClient,
    long invalidToken,
    long rateLimited,
    long serverErrors,
    long timeouts,
    long outageRefusals,
    Map<Integer, Long> byStatus) {

  public CloudServerStats {
    byStatus = Map.copyOf(byStatus);
  }

  public long count(int status) {
    return byStatus.getOrDefault(status, 0L);
  }

  public long ok() {
    return count(200);
  }

  public long notFound() {
    return count(404);
  }

  public long badRequests() {
    return count(400);
  }
}
