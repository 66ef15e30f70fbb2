package de.vorlauf.simulator.cloud;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link CloudServerStats}; handler threads update it concurrently. */
final class StatsCounter {

  final LongAdder requests = new LongAdder();
  final LongAdder tokensIssued = new LongAdder();
  final LongAdder invalidClient = new LongAdder();
  final LongAdder invalidToken = new LongAdder();
  final LongAdder rateLimited = new LongAdder();
  final LongAdder serverErrors = new LongAdder();
  final LongAdder timeouts = new LongAdder();
  final LongAdder outageRefusals = new LongAdder();
  private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

  void responded(int status) {
    byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
  }

  CloudServerStats snapshot() {
    Map<Integer, Long> statuses = new TreeMap<>();
    byStatus.forEach((status, count) -> statuses.put(status, count.sum()));
    return new CloudServerStats(
        requests.sum(),
        tokensIssued.sum(),
        invalidClient.sum(),
        invalidToken.sum(),
        rateLimited.sum(),
        serverErrors.sum(),
        timeouts.sum(),
        outageRefusals.sum(),
        statuses);
  }
}
