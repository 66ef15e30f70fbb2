package de.vorlauf.worker.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.vorlauf.domain.config.LogVars;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The worker's shipped logback.xml, in both formats, on a workflow run by the SDK's test server: a
 * line logged by an activity (plain SLF4J logger) and one by the workflow (Workflow.getLogger)
 * carry the workflow id and run id, which the SDK puts into the MDC of its threads.
 */
class ActivityLogContextIT {

  private final PrintStream originalOut = System.out;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  @AfterEach
  void restoreLogging() throws Exception {
    System.setOut(originalOut);
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    new ContextInitializer(context).autoConfig();
  }

  @Test
  void jsonLinesFromAnActivityAndItsWorkflowCarryWorkflowIdAndRunId() throws Exception {
    String marker = UUID.randomUUID().toString();
    WorkflowExecution run = runProbe(LogVars.JSON, marker);

    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> lines = lines().stream().map(line -> parse(mapper, line)).toList();
    JsonNode activity = only(lines, "activity " + marker);
    assertThat(activity.get("mdc").get("WorkflowId").asText()).isEqualTo(run.getWorkflowId());
    assertThat(activity.get("mdc").get("RunId").asText()).isEqualTo(run.getRunId());
    assertThat(activity.get("mdc").get("ActivityType").asText()).isEqualTo("LogLine");
    JsonNode workflow = only(lines, "workflow " + marker);
    assertThat(workflow.get("mdc").get("WorkflowId").asText()).isEqualTo(run.getWorkflowId());
    assertThat(workflow.get("mdc").get("RunId").asText()).isEqualTo(run.getRunId());
  }

  @Test
  void keyValueLinesFromAnActivityCarryWorkflowIdAndRunId() throws Exception {
    String marker = UUID.randomUUID().toString();
    WorkflowExecution run = runProbe(LogVars.KEYVALUE, marker);

    String activity =
        lines().stream()
            .filter(l -> l.endsWith("msg=\"activity " + marker + "\""))
            .findFirst()
            .orElseThrow();
    assertThat(activity)
        .contains(" level=INFO ")
        .contains(" WorkflowId=" + run.getWorkflowId() + " ")
        .contains(" RunId=" + run.getRunId() + " ")
        .contains(" ActivityType=LogLine ");
  }

  private WorkflowExecution runProbe(String format, String marker) throws Exception {
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    context.putProperty(LogVars.FORMAT.name(), format);
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(Path.of("src/main/resources/logback.xml").toFile());

    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker(LogProbeWorkflow.TASK_QUEUE);
      worker.registerWorkflowImplementationTypes(LogProbeWorkflowImpl.class);
      worker.registerActivitiesImplementations(new LogProbeActivitiesImpl());
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      LogProbeWorkflow probe =
          client.newWorkflowStub(
              LogProbeWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setTaskQueue(LogProbeWorkflow.TASK_QUEUE)
                  .setWorkflowId("log-probe-" + marker)
                  .build());
      assertThat(probe.probe(marker)).isEqualTo(marker);
      return WorkflowStub.fromTyped(probe).getExecution();
    } finally {
      System.out.flush();
    }
  }

  private List<String> lines() {
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static JsonNode parse(ObjectMapper mapper, String line) {
    try {
      return mapper.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not a JSON line: " + line, e);
    }
  }

  private static JsonNode only(List<JsonNode> lines, String message) {
    List<JsonNode> matching =
        lines.stream().filter(l -> message.equals(l.path("formattedMessage").asText())).toList();
    assertThat(matching).as("lines with message '%s'", message).hasSize(1);
    return matching.get(0);
  }
}
