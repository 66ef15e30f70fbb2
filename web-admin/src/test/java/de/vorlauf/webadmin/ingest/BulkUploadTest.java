package de.vorlauf.webadmin.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.domain.ingest.DevicePayloadParser;
import de.vorlauf.domain.ingest.Lane;
import de.vorlauf.domain.ingest.RejectReason;
import de.vorlauf.domain.ingest.Rejection;
import de.vorlauf.ingest.pipeline.IngestMessage;
import de.vorlauf.ingest.pipeline.IngestOutcome;
import de.vorlauf.persistence.timeseries.WriteQueueFullException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BulkUploadTest {

  private static final Instant NOW = Instant.parse("2025-01-15T12:00:00Z");
  private final List<IngestMessage> taken = new ArrayList<>();

  @Test
  void everyElementBecomesABacklogMessageOfTheTokensDevice() throws Exception {
    List<byte[]> messages =
        BulkUpload.messages(
            "[{\"device_id\":\"gb-1\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"readings\":[]},{\"device_id\":\"gb-1\"}]"
                .getBytes(StandardCharsets.UTF_8));

    List<IngestOutcome> outcomes =
        BulkUpload.run("gb-1", messages, this::commitAll, Duration.ofSeconds(1), NOW, 5);

    assertThat(outcomes).hasSize(2);
    assertThat(taken)
        .allSatisfy(
            m -> {
              assertThat(m.backlog()).isTrue();
              assertThat(m.senderId()).isEqualTo("gb-1");
            });
    assertThat(new String(taken.get(0).payload(), StandardCharsets.UTF_8))
        .startsWith("{\"device_id\":\"gb-1\",\"timestamp\"");
    assertThat(BulkAcceptedDto.of(outcomes).readings()).isEqualTo(10);
  }

  @Test
  void aFullBacklogLaneAnswersBusyWithRetryAfterOnceWhatWasTakenIsCommitted() {
    List<byte[]> messages =
        List.of(new byte[] {'{', '}'}, new byte[] {'{', '}'}, new byte[] {'{', '}'});
    CompletableFuture<IngestOutcome> first = new CompletableFuture<>();
    BulkUpload.Pipeline fullAfterOne =
        message -> {
          if (!taken.isEmpty()) {
            throw new WriteQueueFullException("full");
          }
          taken.add(message);
          first.complete(outcome());
          return first;
        };

    assertThatThrownBy(
            () -> BulkUpload.run("gb-1", messages, fullAfterOne, Duration.ofSeconds(1), NOW, 7))
        .isInstanceOfSatisfying(
            IngestBusyException.class,
            e -> {
              assertThat(e.retryAfterSeconds()).isEqualTo(7);
              assertThat(e.getMessage()).contains("backlog lane is full").contains("1 of 3");
            });
    assertThat(first).isDone();
  }

  @Test
  void aCommitThatTakesTooLongIsBusyToo() {
    BulkUpload.Pipeline never = message -> new CompletableFuture<>();

    assertThatThrownBy(
            () ->
                BulkUpload.run(
                    "gb-1", List.of(new byte[] {'{', '}'}), never, Duration.ofMillis(50), NOW, 5))
        .isInstanceOfSatisfying(
            IngestBusyException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(30));
  }

  @Test
  void onlyANonEmptyArrayIsABulkUpload() {
    for (String body : List.of("{}", "[]", "\"x\"", "not json", "[{}")) {
      assertThatThrownBy(() -> BulkUpload.messages(body.getBytes(StandardCharsets.UTF_8)))
          .as(body)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void anElementThatIsNoObjectIsAMessageThePipelineRefusesAsMalformed() {
    List<byte[]> messages =
        BulkUpload.messages(
            "[{\"device_id\":\"gb-1\"},42,\"x\",null,[{}]]".getBytes(StandardCharsets.UTF_8));

    assertThat(messages).hasSize(5);
    DevicePayloadParser parser = new DevicePayloadParser();
    for (byte[] message : messages.subList(1, 5)) {
      assertThat(parser.parseMessage(message, "gb-1").rejections())
          .as(new String(message, StandardCharsets.UTF_8))
          .extracting(Rejection::reason)
          .containsExactly(RejectReason.MALFORMED_JSON);
    }
  }

  private CompletableFuture<IngestOutcome> commitAll(IngestMessage message) {
    taken.add(message);
    return CompletableFuture.completedFuture(outcome());
  }

  private static IngestOutcome outcome() {
    return new IngestOutcome("gb-1", 5, 5, 0, List.of(), 0, 0, Lane.BACKLOG);
  }
}
