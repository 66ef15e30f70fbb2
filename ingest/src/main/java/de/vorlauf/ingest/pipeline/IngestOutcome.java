package de.vorlauf.ingest.pipeline;

import de.vorlauf.domain.ingest.Lane;
import java.util.List;

/**
 * What became of one message, known once its readings and its refused parts are committed.
 *
 * @param deviceId the sending device, null when the topic named none
 * @param readings valid readings in the message
 * @param inserted readings stored now
 * @param duplicates readings that were already stored (redelivery), not stored again
 * @param refusals every refused part, each with its reason
 * @param quarantined refused parts now in the quarantine (new or from an earlier delivery)
 * @param quarantineDropped refused parts only counted because the quarantine was full
 * @param lane the queue its readings took
 */
public record IngestOutcome(
    String deviceId,
    int readings,
    int inserted,
    int duplicates,
    List<Refusal> refusals,
    int quarantined,
    int quarantineDropped,
    Lane lane) {

  public IngestOutcome {
    refusals = List.copyOf(refusals);
  }

  /** True when nothing in the message could be stored (REST answers 400 then). */
  public boolean nothingUsable() {
    return readings == 0;
  }

  /** The reason codes of the refused parts, in order (REST's {@code quarantined} list). */
  public List<String> reasons() {
    return refusals.stream().map(Refusal::reason).toList();
  }
}
