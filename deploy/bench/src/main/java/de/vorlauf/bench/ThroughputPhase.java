package de.vorlauf.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every device publishes its whole backlog as fast as the broker takes it (historical message
 * times, one minute apart): sustained readings per second from the first publish to the commit of
 * the last reading.
 */
final class ThroughputPhase {

  private static final Logger LOG = LoggerFactory.getLogger(ThroughputPhase.class);

  record Result(long readings, Instant firstPublish, Instant allPublished, Instant lastCommit) {
    double readingsPerSecond() {
      return readings / (Duration.between(firstPublish, lastCommit).toNanos() / 1e9);
    }

    double publishSeconds() {
      return Duration.between(firstPublish, allPublished).toNanos() / 1e9;
    }
  }

  private ThroughputPhase() {}

  static Result run(BenchStack stack, BenchConfig config, List<Publisher> publishers)
      throws Exception {
    MessagePlan plan = new MessagePlan(config.readingsPerMessage());
    int messages = config.messagesPerDevice();
    Instant first =
        Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(messages + 60L, ChronoUnit.MINUTES);
    int threads = Math.min(4, publishers.size());
    // the devices' backlog exists before they publish it: rendering it is not the system's work
    byte[][][] backlog = new byte[publishers.size()][messages][];
    for (int d = 0; d < publishers.size(); d++) {
      for (int seq = 0; seq < messages; seq++) {
        backlog[d][seq] =
            plan.payload(MessagePlan.deviceId(d), first.plus(seq, ChronoUnit.MINUTES), seq);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    LOG.info("publishing {} readings from {} devices", config.totalReadings(), publishers.size());
    Instant start = Instant.now();
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      running.add(
          pool.submit(
              () -> {
                for (int seq = 0; seq < messages; seq++) {
                  for (int d = thread; d < publishers.size(); d += threads) {
                    publishers
                        .get(d)
                        .publish(MessagePlan.topic(MessagePlan.deviceId(d)), backlog[d][seq]);
                  }
                }
                return null;
              }));
    }
    for (Future<?> future : running) {
      future.get();
    }
    pool.shutdown();
    for (Publisher publisher : publishers) {
      publisher.drain();
    }
    Instant published = Instant.now();
    LOG.info(
        "all messages acknowledged by the broker after {} s",
        Duration.between(start, published).toSeconds());
    Instant lastCommit =
        CommitWatch.awaitRows(stack.app, config.totalReadings(), Duration.ofMinutes(15));
    return new Result(config.totalReadings(), start, published, lastCommit);
  }
}
