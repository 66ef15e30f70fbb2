package de.vorlauf.domain.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFormatEncoderTest {

  private final LoggerContext context = new LoggerContext();

  @Test
  void blankMeansKeyValueAndAnyCaseIsAccepted() {
    assertThat(LogFormatEncoder.resolve(null)).isEqualTo("keyvalue");
    assertThat(LogFormatEncoder.resolve(" ")).isEqualTo("keyvalue");
    assertThat(LogFormatEncoder.resolve("JSON")).isEqualTo("json");
    assertThatThrownBy(() -> LogFormatEncoder.resolve("xml"))
        .hasMessageContaining("VORLAUF_LOG_FORMAT=xml: expected keyvalue or json");
  }

  @Test
  void keyValueLinesCarryTheMdcAndQuoteTheMessage() {
    String line = encode("keyvalue", event("reading \"t1\" stored", Map.of("WorkflowId", "wf-1")));

    assertThat(line)
        .matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z level=INFO logger=de.vorlauf.Test thread=main .*\n")
        .contains(" WorkflowId=wf-1 ")
        .endsWith(" msg=\"reading \\\"t1\\\" stored\"\n");
  }

  @Test
  void keyValueQuotesValuesWithSpaces() {
    String line = encode("keyvalue", event("x", Map.of("deviceId", "a b", "buildingId", "b-1")));

    assertThat(line).contains(" buildingId=b-1 deviceId=\"a b\" msg=\"x\"");
  }

  @Test
  void jsonLinesAreOneObjectWithTheMdc() throws Exception {
    String line = encode("json", event("started", Map.of("WorkflowId", "wf-1", "RunId", "run-9")));

    assertThat(line).endsWith("\n").doesNotContain("\n{");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("level").asText()).isEqualTo("INFO");
    assertThat(json.get("loggerName").asText()).isEqualTo("de.vorlauf.Test");
    assertThat(json.get("formattedMessage").asText()).isEqualTo("started");
    assertThat(json.get("mdc").get("WorkflowId").asText()).isEqualTo("wf-1");
    assertThat(json.get("mdc").get("RunId").asText()).isEqualTo("run-9");
    assertThat(json.has("context")).isFalse();
  }

  @Test
  void aBadValueFallsBackToKeyValueWithAnErrorStatus() {
    String line = encode("xml", event("still logged", Map.of()));

    assertThat(line).contains("level=INFO").endsWith("msg=\"still logged\"\n");
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .anyMatch(s -> s.getLevel() == Status.ERROR && s.getMessage().contains("xml"));
  }

  private String encode(String format, LoggingEvent event) {
    LogFormatEncoder encoder = new LogFormatEncoder();
    encoder.setContext(context);
    encoder.setFormat(format);
    encoder.start();
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }

  private LoggingEvent event(String message, Map<String, String> mdc) {
    LoggingEvent event = new LoggingEvent();
    event.setLoggerContext(context);
    event.setLoggerName("de.vorlauf.Test");
    event.setLevel(Level.INFO);
    event.setThreadName("main");
    event.setMessage(message);
    event.setTimeStamp(1_796_000_000_000L);
    event.setMDCPropertyMap(mdc);
    return event;
  }
}
