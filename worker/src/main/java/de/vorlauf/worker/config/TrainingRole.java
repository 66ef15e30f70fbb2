package de.vorlauf.worker.config;

import de.vorlauf.domain.config.EnvReader;
import de.vorlauf.domain.config.IngestVars;
import de.vorlauf.domain.config.WorkerVars;
import de.vorlauf.workflows.TaskQueues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a worker process takes training ({@code VORLAUF_WORKER_TRAINING}). By default one worker
 * does everything; on a small machine a second process with {@link #ONLY} takes training, with its
 * own heap and off-heap limits, and the main one runs with {@link #EXCLUDE}, so a training run
 * never takes memory or activity slots from ingestion.
 */
public enum TrainingRole {
  /** The platform queue and the training queue (the default). */
  INCLUDE,
  /** The platform queue only: a separate training worker takes training. */
  EXCLUDE,
  /** The training queue only: a training worker. Needs {@code VORLAUF_INGEST_ENABLED=false}. */
  ONLY;

  public boolean platform() {
    return this != ONLY;
  }

  public boolean training() {
    return this != EXCLUDE;
  }

  /** The task queues a worker of this role polls. */
  public List<String> taskQueues() {
    List<String> queues = new ArrayList<>();
    if (platform()) {
      queues.add(TaskQueues.PLATFORM);
    }
    if (training()) {
      queues.add(TaskQueues.TRAINING);
    }
    return List.copyOf(queues);
  }

  /** Records a problem (naming the variable) in {@code env} instead of throwing. */
  public static TrainingRole read(EnvReader env) {
    TrainingRole role = valueOf(env.get(WorkerVars.TRAINING).toUpperCase(Locale.ROOT));
    if (role == ONLY && env.get(IngestVars.ENABLED)) {
      env.problem(
          WorkerVars.TRAINING.name()
              + "=only is a training worker: set "
              + IngestVars.ENABLED.name()
              + "=false for it (the main worker ingests)");
    }
    return role;
  }
}
