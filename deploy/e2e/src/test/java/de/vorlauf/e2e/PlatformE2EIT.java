package de.vorlauf.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.devstack.broker.RunningBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The acceptance path of a new user, through the launcher: everything up, log in with the generated
 * credential, see every service green, run the self-check and read its history; an operator's view
 * of an outage: a stopped broker turns red and green again when it is back; and, last, a stop and a
 * start on the same state folder: the data and the workflow history are still there. One platform
 * for all three (a start of the whole platform costs about a minute of CPU); the restart comes last
 * because it replaces the platform.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformE2EIT {

  private static final List<String> SERVICES =
      List.of("database", "mqtt", "temporal", "worker", "ingestion");

  @TempDir static Path tmp;
  private static RunningPlatform platform;

  @BeforeAll
  static void startPlatform() {
    platform = RunningPlatform.start(tmp.resolve("state"));
  }

  @AfterAll
  static void stopPlatform() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  @Order(1)
  void aNewUserLogsInSeesEveryServiceUpAndRunsTheSelfCheck(TestInfo test) throws Exception {
    WebDriver browser = HeadlessChromium.start(tmp.resolve("chromium"));
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
      wait.ignoring(StaleElementReferenceException.class);
      browser.get(platform.baseUrl);
      wait.until(ExpectedConditions.visibilityOfElementLocated(testId("login-form")));
      browser.findElement(testId("login-username")).clear();
      browser.findElement(testId("login-username")).sendKeys("admin");
      browser.findElement(testId("login-password")).sendKeys(platform.adminPassword());
      browser.findElement(testId("login-submit")).click();

      for (String service : SERVICES) {
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid='service-" + service + "'][data-up='true']")));
      }
      assertThat(browser.findElement(testId("user-name")).getText()).isEqualTo("admin");
      // the launcher's supervisor: every process it started, running, none restarted yet
      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector(
                  "[data-testid='process-wildfly'][data-state='RUNNING'][data-restarts='0']")));

      browser.findElement(testId("run-self-check")).click();
      new WebDriverWait(browser, Duration.ofSeconds(120))
          .until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("[data-testid='self-check-result'][data-result='ok']")));
      // the page re-renders every few seconds: look elements up afresh inside each wait
      for (String probe : List.of("database", "mqtt", "clock", "ingestion", "integrations")) {
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid='probe-" + probe + "'][data-ok='true']")));
      }
      for (String type :
          List.of(
              "WORKFLOW_EXECUTION_STARTED",
              "ACTIVITY_TASK_COMPLETED",
              "WORKFLOW_EXECUTION_COMPLETED")) {
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid='history-event'][data-type='" + type + "']")));
      }
    } finally {
      HeadlessChromium.screenshot(
          browser,
          Path.of("target", "screenshots", test.getDisplayName().replaceAll("\\W", "_") + ".png"));
      browser.quit();
    }
  }

  @Test
  @Order(2)
  void aStoppedBrokerTurnsRedAndGreenAgainWhenItIsBack() throws Exception {
    AdminSession admin = platform.login();
    RunningBroker broker = platform.platform.service(RunningBroker.class).orElseThrow();
    awaitMqttUp(admin, true);

    broker.stop();
    try {
      JsonNode down = awaitMqttUp(admin, false);
      assertThat(down.path("detail").asText()).isNotBlank();
    } finally {
      broker.start();
    }

    awaitMqttUp(admin, true);
  }

  @Test
  @Order(3)
  void aSelfCheckSurvivesARestart() throws Exception {
    AdminSession admin = platform.login();
    String password = platform.adminPassword();
    String workflowId = admin.post("/api/v1/self-checks").path("workflowId").asText();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                admin.get("/api/v1/self-checks/" + workflowId).path("run").path("status").asText(),
            "COMPLETED"::equals);

    platform.close();
    platform = null;
    platform = RunningPlatform.start(tmp.resolve("state"));

    assertThat(platform.adminPassword()).as("the credential is generated once").isEqualTo(password);
    AdminSession again = platform.login();
    JsonNode check = again.get("/api/v1/self-checks/" + workflowId);
    assertThat(check.path("run").path("status").asText()).isEqualTo("COMPLETED");
    assertThat(check.path("report").path("ok").asBoolean()).isTrue();
    assertThat(again.get("/api/v1/workflows/" + workflowId + "/history").toString())
        .contains("WORKFLOW_EXECUTION_COMPLETED");
  }

  private static JsonNode awaitMqttUp(AdminSession admin, boolean up) {
    return await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .until(() -> admin.service("mqtt"), s -> s.path("up").asBoolean() == up);
  }

  private static By testId(String id) {
    return By.cssSelector("[data-testid='" + id + "']");
  }
}
