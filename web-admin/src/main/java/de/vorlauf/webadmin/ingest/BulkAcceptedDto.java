package de.vorlauf.webadmin.ingest;

import de.vorlauf.ingest.pipeline.IngestOutcome;
import java.util.List;

/**
 * The 200 answer of {@code POST /api/v1/ingest/bulk}: everything in it is committed.
 *
 * @param messages messages in the request
 * @param readings valid readings, now stored (those stored by an earlier attempt included)
 * @param inserted readings stored by this request
 * @param duplicates readings stored before (a repeated request), not stored again
 * @param quarantined reason codes of the refused parts, one per part
 */
public record BulkAcceptedDto(
    String status,
    int messages,
    int readings,
    int inserted,
    int duplicates,
    List<String> quarantined) {

  static BulkAcceptedDto of(List<IngestOutcome> outcomes) {
    return new BulkAcceptedDto(
        "committed",
        outcomes.size(),
        outcomes.stream().mapToInt(IngestOutcome::readings).sum(),
        outcomes.stream().mapToInt(IngestOutcome::inserted).sum(),
        outcomes.stream().mapToInt(IngestOutcome::duplicates).sum(),
        outcomes.stream().flatMap(o -> o.reasons().stream()).toList());
  }
}
