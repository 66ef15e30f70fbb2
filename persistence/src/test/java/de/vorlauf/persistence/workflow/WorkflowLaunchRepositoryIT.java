package de.vorlauf.persistence.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.RepositoryDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launch table against a real, migrated PostgreSQL. */
class WorkflowLaunchRepositoryIT {

  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  @TempDir static Path dbDir;
  private static RepositoryDatabase db;

  @BeforeAll
  static void start() {
    db = RepositoryDatabase.start(dbDir);
  }

  @AfterAll
  static void stop() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void recordedLaunchesComeBackNewestFirstWithTheRunIdSetAfterTheStart() {
    for (int i = 0; i < 3; i++) {
      WorkflowLaunch launch =
          new WorkflowLaunch(
              "self-check-" + i, "PlatformSelfCheckWorkflow", null, "admin", T0.plusSeconds(i));
      db.inTransaction(
          em -> {
            new WorkflowLaunchRepository(em).record(launch);
            // as the self-check does: the run id is known only after Temporal took the start
            launch.setRunId("run-" + launch.getWorkflowId());
            return null;
          });
    }

    List<WorkflowLaunch> recent =
        db.inTransaction(em -> new WorkflowLaunchRepository(em).recent(2));
    Optional<WorkflowLaunch> unknown =
        db.inTransaction(em -> new WorkflowLaunchRepository(em).find("unknown"));

    assertThat(recent)
        .extracting(WorkflowLaunch::getWorkflowId)
        .containsExactly("self-check-2", "self-check-1");
    WorkflowLaunch first =
        db.inTransaction(em -> new WorkflowLaunchRepository(em).find("self-check-0")).orElseThrow();
    assertThat(first.getRunId()).isEqualTo("run-self-check-0");
    assertThat(first.getStartedAt()).isEqualTo(T0);
    assertThat(unknown).isEmpty();
  }
}
