package de.vorlauf.persistence.experiments;

import java.time.Instant;

/** An artifact whose content retention removed (its description stays). */
public class ArtifactPurgedException extends RuntimeException {

  public ArtifactPurgedException(long runId, String name, Instant purgedAt) {
    super(
        "artifact '"
            + name
            + "' of run "
            + runId
            + " was removed by retention at "
            + purgedAt
            + "; its checksum and size are still listed");
  }
}
