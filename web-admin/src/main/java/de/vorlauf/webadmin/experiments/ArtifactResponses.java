package de.vorlauf.webadmin.experiments;

import de.vorlauf.persistence.experiments.Artifact;
import jakarta.ws.rs.core.Response;

/**
 * An artifact whose checksum was verified, as a download: the run page's artifacts and the model
 * registry's edge export answer the same way.
 */
public final class ArtifactResponses {

  private ArtifactResponses() {}

  /** 200 with the content, {@code attachment} as {@code file}, the SHA-256 as ETag and header. */
  public static Response attachment(Artifact artifact, String file) {
    return Response.ok(artifact.content(), artifact.info().mediaType())
        .header("Content-Disposition", "attachment; filename=\"" + file.replace("\"", "") + "\"")
        .header("ETag", "\"" + artifact.info().sha256() + "\"")
        .header("X-Content-SHA256", artifact.info().sha256())
        .build();
  }
}
