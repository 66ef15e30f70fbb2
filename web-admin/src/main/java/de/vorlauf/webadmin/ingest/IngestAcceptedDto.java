package de.vorlauf.webadmin.ingest;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * The 202 answer of {@code POST /api/v1/ingest}, in the source document's snake_case.
 *
 * @param readingsCount valid readings of the body, now stored (duplicates of earlier deliveries
 *     included: they were stored before)
 * @param quarantined reason codes of the refused parts, one per part
 */
public record IngestAcceptedDto(
    String status, @JsonbProperty("readings_count") int readingsCount, List<String> quarantined) {

  public static IngestAcceptedDto accepted(int readings, List<String> quarantined) {
    return new IngestAcceptedDto("accepted", readings, quarantined);
  }
}
