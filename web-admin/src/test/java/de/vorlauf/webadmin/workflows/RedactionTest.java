package de.vorlauf.webadmin.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.common.v1.WorkflowType;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.WorkflowExecutionStartedEventAttributes;
import io.temporal.common.WorkflowExecutionHistory;
import org.junit.jupiter.api.Test;

class RedactionTest {

  private static final String INPUT =
      "{\"integrationId\":\"vendor-1\",\"apiToken\":\"tok-123\",\"retries\":3,"
          + "\"credentials\":{\"user\":\"ops\",\"client_secret\":\"s3cr3t\",\"port\":8883},"
          + "\"endpoints\":[{\"url\":\"https://x\",\"password\":\"pw\"}]}";

  @Test
  void aSecretInAnInputIsRedactedWhereverItIsAndTheShapeStays() {
    String shown = Redaction.display(payloads(json(INPUT)));

    assertThat(shown)
        .doesNotContain("tok-123", "s3cr3t", "\"pw\"", "\"ops\"")
        .contains("\"integrationId\" : \"vendor-1\"", "\"retries\" : 3", "\"port\" : 8883")
        .contains("\"apiToken\" : \"[redacted]\"", "\"password\" : \"[redacted]\"")
        .contains("\"url\" : \"https://x\"");
  }

  @Test
  void namesAreMatchedWithoutCaseAndSeparators() {
    assertThat(Redaction.secretName("Password")).isTrue();
    assertThat(Redaction.secretName("client-secret")).isTrue();
    assertThat(Redaction.secretName("API_KEY")).isTrue();
    assertThat(Redaction.secretName("bearerToken")).isTrue();
    assertThat(Redaction.secretName("credentialsRef")).isTrue();
    assertThat(Redaction.secretName("private_key")).isTrue();
    assertThat(Redaction.secretName("buildingId")).isFalse();
    assertThat(Redaction.secretName("cursor")).isFalse();
  }

  @Test
  void payloadsThatAreNoJsonAreShownAsTheirSizeNeverAsBytes() {
    Payload binary =
        Payload.newBuilder()
            .putMetadata("encoding", ByteString.copyFromUtf8("binary/plain"))
            .setData(ByteString.copyFromUtf8("password=hunter2"))
            .build();

    assertThat(Redaction.display(payloads(binary))).isEqualTo("\"(16 bytes, binary/plain)\"");
    assertThat(Redaction.display(Payloads.getDefaultInstance())).isNull();
  }

  @Test
  void anExportedHistoryHasTheSecretRedactedAndStillReadsAsAHistory() throws Exception {
    History history =
        History.newBuilder()
            .addEvents(
                HistoryEvent.newBuilder()
                    .setEventId(1)
                    .setEventType(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED)
                    .setWorkflowExecutionStartedEventAttributes(
                        WorkflowExecutionStartedEventAttributes.newBuilder()
                            .setWorkflowType(WorkflowType.newBuilder().setName("Poll"))
                            .setInput(payloads(json(INPUT)))))
            .build();

    History redacted = Redaction.redactPayloads(history);
    String json = new WorkflowExecutionHistory(redacted, "wf-1").toJson(true);

    // what WorkflowExecutionHistory.fromJson parses (it needs json-path, a test dependency of the
    // workflows module only)
    History.Builder parsed = History.newBuilder();
    JsonFormat.parser().ignoringUnknownFields().merge(json, parsed);
    String input =
        parsed
            .getEvents(0)
            .getWorkflowExecutionStartedEventAttributes()
            .getInput()
            .getPayloads(0)
            .getData()
            .toStringUtf8();
    assertThat(input).doesNotContain("tok-123", "s3cr3t").contains("[redacted]", "vendor-1");
    assertThat(Redaction.redactPayloads(History.getDefaultInstance()))
        .isSameAs(History.getDefaultInstance());
  }

  private static Payload json(String text) {
    return Payload.newBuilder()
        .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
        .setData(ByteString.copyFromUtf8(text))
        .build();
  }

  private static Payloads payloads(Payload payload) {
    return Payloads.newBuilder().addPayloads(payload).build();
  }
}
