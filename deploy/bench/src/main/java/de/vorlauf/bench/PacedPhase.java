package de.vorlauf.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live traffic at a fixed rate: each message carries the time it is published, and its latency is
 * the commit time of its last reading minus that time (same machine, same clock).
 */
final class PacedPhase {

  private static final Logger LOG = LoggerFactory.getLogger(PacedPhase.class);

  record Result(
      double targetRate, long messages, double p50Millis, double p99Millis, double maxMillis) {}

  private PacedPhase() {}

  static Result run(
      BenchStack stack, BenchConfig config, List<Publisher> publishers, double readingsPerSecond)
      throws Exception {
    MessagePlan plan = new MessagePlan(config.readingsPerMessage());
    double messagesPerSecond = readingsPerSecond / config.readingsPerMessage();
    long intervalNanos = (long) (1e9 / messagesPerSecond);
    long total = (long) (messagesPerSecond * config.pacedFor().toSeconds());
    long[] lastBase = new long[publishers.size()];
    Map<String, Instant> published = new HashMap<>();
    LOG.info("publishing {} messages at {} readings/s", total, Math.round(readingsPerSecond));
    Instant phaseStart = Instant.now();
    long start = System.nanoTime();
    for (long k = 0; k < total; k++) {
      long due = start + k * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      int d = (int) (k % publishers.size());
      Instant now = Instant.now();
      // a base on a 10 ms grid identifies the message from any of its readings
      long base = Math.max(lastBase[d] + 10, now.toEpochMilli() / 10 * 10);
      lastBase[d] = base;
      String device = MessagePlan.deviceId(d);
      published.put(device + "@" + base, now);
      Publisher publisher = publishers.get(d);
      publisher.publish(
          MessagePlan.topic(device), plan.payload(device, Instant.ofEpochMilli(base), k));
      publisher.flush(); // latency is measured from here: the message leaves now
    }
    for (Publisher publisher : publishers) {
      publisher.drain();
    }
    CommitWatch.awaitRows(stack.app, total * config.readingsPerMessage(), Duration.ofMinutes(5));
    double[] latencies = latencies(stack, phaseStart, published);
    Arrays.sort(latencies);
    return new Result(
        readingsPerSecond,
        latencies.length,
        percentile(latencies, 0.50),
        percentile(latencies, 0.99),
        latencies[latencies.length - 1]);
  }

  private static double[] latencies(
      BenchStack stack, Instant phaseStart, Map<String, Instant> published) throws Exception {
    List<Double> millis = new ArrayList<>();
    try (Connection c = stack.app.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                """
                SELECT s.device_id, (floor(extract(epoch FROM r.time) * 100) * 10)::bigint AS base_ms,
                       max(pg_xact_commit_timestamp(r.xmin)) AS committed
                FROM readings r JOIN series s ON s.id = r.series_id WHERE r.time >= ?
                GROUP BY 1, 2
                """)) {
      q.setTimestamp(1, java.sql.Timestamp.from(phaseStart.minusSeconds(1)));
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          Instant sent = published.get(rs.getString(1) + "@" + rs.getLong(2));
          if (sent == null) {
            throw new IllegalStateException(
                "a stored reading matches no published message: " + rs.getString(1));
          }
          millis.add(Duration.between(sent, rs.getTimestamp(3).toInstant()).toNanos() / 1e6);
        }
      }
    }
    if (millis.size() != published.size()) {
      throw new IllegalStateException(
          millis.size() + " messages stored of " + published.size() + " published");
    }
    return millis.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static double percentile(double[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
