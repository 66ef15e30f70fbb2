package de.vorlauf.webadmin.experiments;

import de.vorlauf.webadmin.metrics.WarMetrics;
import io.micrometer.core.instrument.Counter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Artifact downloads by outcome ({@code vorlauf_experiments_artifact_downloads_total}): a corrupted
 * one is worth an alert (storage or a manual edit broke a model file), a removed one says the
 * retention is shorter than people need.
 */
@ApplicationScoped
public class ExperimentMetrics {

  static final String DOWNLOADS = "vorlauf.experiments.artifact.downloads";

  @Inject WarMetrics war;

  private Counter served;
  private Counter corrupted;
  private Counter removed;

  @PostConstruct
  void register() {
    served = counter("served");
    corrupted = counter("corrupted");
    removed = counter("removed");
  }

  private Counter counter(String outcome) {
    return Counter.builder(DOWNLOADS)
        .description("Artifact downloads of experiment runs by outcome")
        .tag("outcome", outcome)
        .register(war.registry());
  }

  void served() {
    served.increment();
  }

  void corrupted() {
    corrupted.increment();
  }

  void removed() {
    removed.increment();
  }
}
