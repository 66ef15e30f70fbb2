package de.vorlauf.ingest.pipeline;

import de.vorlauf.ingest.pipeline.MessageEvaluator.Evaluation;
import de.vorlauf.persistence.ingest.QuarantineEntry;
import de.vorlauf.persistence.ingest.QuarantineStore;
import de.vorlauf.persistence.ingest.QuarantineStore.Fate;
import de.vorlauf.persistence.ingest.QuarantineStore.StoredRow;
import de.vorlauf.persistence.timeseries.WriteQueueFullException;
import de.vorlauf.persistence.timeseries.WriteResult;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Runs quarantined messages through the pipeline again once their cause is fixed (e.g. the device
 * was registered or re-activated). Per message: its valid readings are written and committed first
 * (duplicates are dropped by key, so re-running is harmless), then in one transaction its old
 * quarantine rows are replaced by what is still refused now, if anything. Rows whose payload was
 * cut or re-encoded cannot be re-run and stay.
 */
public final class QuarantineReingest {

  /**
   * Which rows to re-run.
   *
   * @param ids exactly these rows when not empty
   * @param deviceId with empty ids: rows of this device (null: any)
   * @param reason with empty ids: rows with this reason code (null: any)
   * @param limit at most this many rows per call
   */
  public record Selection(List<Long> ids, String deviceId, String reason, int limit) {
    public Selection {
      ids = List.copyOf(ids);
    }

    public static Selection ids(List<Long> ids) {
      return new Selection(ids, null, null, Math.max(1, ids.size()));
    }

    public static Selection filter(String deviceId, String reason, int limit) {
      return new Selection(List.of(), deviceId, reason, limit);
    }
  }

  /**
   * @param messages distinct messages re-run
   * @param released quarantine rows removed because their message no longer fails that way
   * @param stillRefused quarantine rows written again because the message still fails
   * @param readingsStored readings stored now
   * @param readingsDuplicate readings that had been stored already
   * @param notReingestable rows left alone: payload not exact
   */
  public record Report(
      int messages,
      int released,
      int stillRefused,
      int readingsStored,
      int readingsDuplicate,
      int notReingestable) {}

  private final DataSource dataSource;
  private final IngestPipeline pipeline;
  private final QuarantineStore store = new QuarantineStore();

  public QuarantineReingest(DataSource dataSource, IngestPipeline pipeline) {
    this.dataSource = dataSource;
    this.pipeline = pipeline;
  }

  /**
   * @throws IngestUnavailableException the database cannot be read or written now
   * @throws WriteQueueFullException the write queue stayed full for {@code maxWait}
   */
  public Report reingest(Selection selection, Duration maxWait)
      throws IngestUnavailableException, WriteQueueFullException, InterruptedException {
    List<StoredRow> rows;
    try (Connection connection = dataSource.getConnection()) {
      rows =
          store.select(
              connection,
              selection.ids(),
              selection.deviceId(),
              selection.reason(),
              selection.limit());
    } catch (SQLException e) {
      throw new IngestUnavailableException("cannot read the quarantine: " + e.getMessage(), e);
    }
    int messages = 0;
    int released = 0;
    int still = 0;
    int stored = 0;
    int duplicate = 0;
    int skipped = 0;
    for (Map.Entry<String, List<StoredRow>> group : byMessage(rows).entrySet()) {
      StoredRow first = group.getValue().get(0);
      if (!first.payloadComplete() || first.payload() == null) {
        skipped += group.getValue().size();
        continue;
      }
      messages++;
      Evaluation evaluation = pipeline.evaluate(message(first));
      WriteResult result = write(evaluation, maxWait);
      stored += result.inserted();
      duplicate += result.duplicates();
      pipeline.counters().readings(result.inserted(), result.duplicates());
      int[] swap = replace(group.getValue(), evaluation);
      released += swap[0];
      still += swap[1];
    }
    return new Report(messages, released, still, stored, duplicate, skipped);
  }

  /** Rows per message (rows from before message keys existed stand alone), oldest first. */
  private static Map<String, List<StoredRow>> byMessage(List<StoredRow> rows) {
    Map<String, List<StoredRow>> grouped = new LinkedHashMap<>();
    for (StoredRow row : rows) {
      String key = row.messageKey() != null ? row.messageKey() : "id:" + row.id();
      grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    return grouped;
  }

  private static IngestMessage message(StoredRow row) {
    byte[] payload = row.payload().getBytes(StandardCharsets.UTF_8);
    return switch (row.source()) {
      case REST -> IngestMessage.rest(row.deviceId(), payload, row.receivedAt());
      case VENDOR -> IngestMessage.vendor(row.deviceId(), payload, row.receivedAt());
      case MQTT -> IngestMessage.mqtt(row.topic(), payload, row.receivedAt());
    };
  }

  private WriteResult write(Evaluation evaluation, Duration maxWait)
      throws WriteQueueFullException, InterruptedException, IngestUnavailableException {
    if (evaluation.rows().isEmpty()) {
      return new WriteResult(0, 0);
    }
    try {
      return pipeline
          .readings()
          .submit(evaluation.rows(), maxWait)
          .get(maxWait.plusMinutes(1).toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IngestUnavailableException(
          "readings of a quarantined message were not stored: " + e.getMessage(), e);
    }
  }

  /** Returns {rows removed, rows written}. */
  private int[] replace(List<StoredRow> old, Evaluation evaluation)
      throws IngestUnavailableException {
    List<QuarantineEntry> entries =
        MessageEvaluator.entries(
            evaluation, evaluation.refusals(), pipeline.settings().payloadCapBytes());
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        String key = old.get(0).messageKey();
        int removed =
            key != null
                ? store.deleteMessages(connection, List.of(key))
                : store.deleteIds(connection, old.stream().map(StoredRow::id).toList());
        List<Fate> fates =
            entries.isEmpty()
                ? List.of()
                : store.insert(connection, entries, pipeline.settings().quarantineCap());
        connection.commit();
        int written = (int) fates.stream().filter(f -> f != Fate.DROPPED).count();
        return new int[] {Math.max(0, removed - written), written};
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IngestUnavailableException("cannot update the quarantine: " + e.getMessage(), e);
    }
  }
}
