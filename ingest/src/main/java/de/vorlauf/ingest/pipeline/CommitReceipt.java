package de.vorlauf.ingest.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * The answer to a backlog message that asked for one (MQTT 5 response topic {@code
 * greenbox/<device>/backlog/ack}): sent only after the message's readings and refused parts are
 * committed, so a device paces its upload by what is stored, not by what the broker took. Fields:
 * {@code status} ({@code committed}), {@code lane}, {@code readings} (valid readings in the
 * message), {@code inserted}, {@code duplicates} and {@code quarantined} (reason codes of refused
 * parts). The device matches it to its message by the MQTT 5 correlation data, which is echoed.
 */
public final class CommitReceipt {

  private CommitReceipt() {}

  public static byte[] json(IngestOutcome outcome) {
    String reasons =
        outcome.reasons().stream()
            .map(r -> '"' + r.replaceAll("[^A-Za-z0-9_.-]", "_") + '"')
            .collect(Collectors.joining(","));
    return ("{\"status\":\"committed\",\"lane\":\"%s\",\"readings\":%d,\"inserted\":%d,"
            + "\"duplicates\":%d,\"quarantined\":[%s]}")
        .formatted(
            outcome.lane().code(),
            outcome.readings(),
            outcome.inserted(),
            outcome.duplicates(),
            reasons)
        .getBytes(StandardCharsets.UTF_8);
  }
}
