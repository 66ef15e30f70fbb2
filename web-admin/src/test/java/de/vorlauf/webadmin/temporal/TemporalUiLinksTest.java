package de.vorlauf.webadmin.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TemporalUiLinksTest {

  @Test
  void linksToTheWorkflowPageOfTheNamespace() {
    assertThat(
            TemporalUiLinks.workflowUrl(
                URI.create("http://127.0.0.1:18233/"), "default", "self-check-1"))
        .isEqualTo("http://127.0.0.1:18233/namespaces/default/workflows/self-check-1");
  }

  @Test
  void encodesWhatWouldBreakThePath() {
    assertThat(TemporalUiLinks.workflowUrl(URI.create("http://ui"), "ops team", "a/b"))
        .isEqualTo("http://ui/namespaces/ops%20team/workflows/a%2Fb");
  }

  @Test
  void aRunLinksToItsHistory() {
    TemporalUiLinks links =
        new TemporalUiLinks() {
          @Override
          public java.util.Optional<String> workflow(String workflowId) {
            return java.util.Optional.of("http://ui/namespaces/default/workflows/" + workflowId);
          }
        };

    assertThat(links.run("etl-1", "0193-ab"))
        .contains("http://ui/namespaces/default/workflows/etl-1/0193-ab/history");
  }
}
