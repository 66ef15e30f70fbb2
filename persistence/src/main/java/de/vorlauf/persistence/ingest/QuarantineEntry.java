package de.vorlauf.persistence.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One refused part of a message, as stored in {@code quarantine}.
 *
 * @param reason a {@link de.vorlauf.domain.ingest.RejectReason#code()} or one of the pipeline's own
 *     codes ({@code unknown_topic}, {@code storage_rejected})
 * @param part position of this rejection among the message's rejections; with {@code messageKey}
 *     the deduplication key
 * @param payloadComplete false when {@code payload} is not the exact payload (cut or re-encoded)
 */
public record QuarantineEntry(
    Instant receivedAt,
    IngestSource source,
    String deviceId,
    String topic,
    String reason,
    String detail,
    String sensorId,
    String payload,
    boolean payloadComplete,
    String messageKey,
    int part) {

  /** The payload as text a {@code text} column accepts, at most {@code maxBytes} UTF-8 bytes. */
  public static PayloadText payloadText(byte[] payload, int maxBytes) {
    String text;
    boolean exact = true;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(payload))
              .toString();
    } catch (CharacterCodingException e) {
      text = new String(payload, StandardCharsets.UTF_8);
      exact = false;
    }
    if (text.indexOf('\0') >= 0) {
      text = text.replace('\0', '\uFFFD'); // PostgreSQL text cannot hold NUL
      exact = false;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > maxBytes) {
      int end = maxBytes;
      while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
        end--; // do not cut a multi-byte character in half
      }
      text = new String(bytes, 0, end, StandardCharsets.UTF_8);
      exact = false;
    }
    return new PayloadText(text, exact);
  }

  /**
   * @param exact false when {@code text} is not the whole payload as sent (cut or re-encoded)
   */
  public record PayloadText(String text, boolean exact) {}
}
