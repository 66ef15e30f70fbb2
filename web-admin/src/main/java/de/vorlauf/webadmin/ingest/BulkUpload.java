package de.vorlauf.webadmin.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.vorlauf.ingest.pipeline.IngestMessage;
import de.vorlauf.ingest.pipeline.IngestOutcome;
import de.vorlauf.ingest.pipeline.IngestUnavailableException;
import de.vorlauf.persistence.timeseries.WriteQueueFullException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One {@code POST /api/v1/ingest/bulk}: a JSON array of the device's messages (each the body {@code
 * POST /api/v1/ingest} takes), all of them history for the backlog lane. Every message is queued at
 * once or not at all: when the backlog lane's queue has no room the answer is 503 with Retry-After
 * (what was queued before is still committed first, so a repeat of the whole request stores each
 * reading once: repeats are dropped by key). The answer comes after the commit of every message,
 * which is what a gateway paces its buffer upload by.
 */
final class BulkUpload {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The pipeline's entry, as the service passes it (a function for tests). */
  interface Pipeline {
    CompletableFuture<IngestOutcome> ingest(IngestMessage message)
        throws WriteQueueFullException, IngestUnavailableException, InterruptedException;
  }

  private BulkUpload() {}

  /**
   * The array's elements, each re-serialised as one message body. An element that is no object (a
   * number, a string, a nested array) is still a message: the pipeline refuses it as {@code
   * malformed_json} and quarantines it like a malformed MQTT message, and the rest of the upload is
   * stored. Refusing the whole request instead would stall a gateway on one bad entry of its
   * buffer, since it repeats a request until it is acknowledged.
   *
   * @throws IllegalArgumentException the body is no JSON array, or an empty one
   */
  static List<byte[]> messages(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("the body is not JSON: " + e.getMessage());
    }
    if (root == null || !root.isArray() || root.isEmpty()) {
      throw new IllegalArgumentException("the body must be a non-empty JSON array of messages");
    }
    List<byte[]> messages = new ArrayList<>(root.size());
    for (JsonNode element : root) {
      try {
        messages.add(JSON.writeValueAsBytes(element));
      } catch (IOException e) {
        throw new IllegalArgumentException("an element cannot be read: " + e.getMessage());
      }
    }
    return messages;
  }

  /**
   * Queues every message in the backlog lane and waits for their commit.
   *
   * @throws IngestBusyException the backlog lane is full, the registry or database is away, or the
   *     commit took longer than {@code commitTimeout}: send the whole request again after the
   *     Retry-After
   */
  static List<IngestOutcome> run(
      String deviceId,
      List<byte[]> messages,
      Pipeline pipeline,
      Duration commitTimeout,
      Instant receivedAt,
      int retryAfterSeconds)
      throws IngestBusyException, InterruptedException {
    List<CompletableFuture<IngestOutcome>> queued = new ArrayList<>(messages.size());
    IngestBusyException busy = null;
    for (byte[] message : messages) {
      try {
        queued.add(pipeline.ingest(IngestMessage.bulk(deviceId, message, receivedAt)));
      } catch (WriteQueueFullException e) {
        busy =
            new IngestBusyException(
                "the backlog lane is full; "
                    + queued.size()
                    + " of "
                    + messages.size()
                    + " messages were taken: send the request again after Retry-After (what"
                    + " was stored is dropped as a duplicate), or send fewer messages at once",
                retryAfterSeconds,
                e);
        break;
      } catch (IngestUnavailableException e) {
        busy =
            new IngestBusyException(
                "the device registry cannot be read right now; retry shortly",
                retryAfterSeconds,
                e);
        break;
      }
    }
    List<IngestOutcome> outcomes = awaitAll(queued, commitTimeout, retryAfterSeconds);
    if (busy != null) {
      throw busy;
    }
    return outcomes;
  }

  private static List<IngestOutcome> awaitAll(
      List<CompletableFuture<IngestOutcome>> queued, Duration timeout, int retryAfterSeconds)
      throws IngestBusyException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<IngestOutcome> outcomes = new ArrayList<>(queued.size());
    for (CompletableFuture<IngestOutcome> future : queued) {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        outcomes.add(future.get(left, TimeUnit.NANOSECONDS));
      } catch (TimeoutException e) {
        throw new IngestBusyException(
            "the messages were not committed within "
                + timeout.toSeconds()
                + " s (database slow or down); send them again, duplicates are dropped",
            retryAfterSeconds * 6,
            e);
      } catch (ExecutionException e) {
        throw new IngestBusyException(
            "the messages could not be stored right now; send them again", retryAfterSeconds, e);
      }
    }
    return outcomes;
  }
}
