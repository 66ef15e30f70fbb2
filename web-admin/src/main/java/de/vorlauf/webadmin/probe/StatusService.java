package de.vorlauf.webadmin.probe;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs every probe at once and waits at most {@link Probe#TIMEOUT} for each, so one dead service
 * can neither hang the status page nor delay the others' results.
 */
@ApplicationScoped
public class StatusService {

  private static final List<String> ORDER = List.of("database", "mqtt", "temporal", "worker");

  @Inject Instance<Probe> probes;

  @Resource ManagedExecutorService executor;

  public List<ServiceCheck> checkAll() {
    List<CompletableFuture<ServiceCheck>> running = new ArrayList<>();
    for (Probe probe : probes) {
      running.add(
          CompletableFuture.supplyAsync(probe::check, executor)
              .completeOnTimeout(
                  ServiceCheck.down(
                      probe.name(),
                      "no answer within "
                          + Probe.TIMEOUT.toSeconds()
                          + " s: the service hangs or is overloaded"),
                  Probe.TIMEOUT.toMillis(),
                  TimeUnit.MILLISECONDS)
              .exceptionally(e -> ServiceCheck.down(probe.name(), Failures.describe(e))));
    }
    return running.stream()
        .map(CompletableFuture::join)
        .sorted(Comparator.comparingInt(check -> order(check.name())))
        .toList();
  }

  private static int order(String name) {
    int index = ORDER.indexOf(name);
    return index < 0 ? ORDER.size() : index;
  }
}
