package de.vorlauf.webadmin.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.webadmin.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class WorkflowResourceTest {

  @Test
  void cancelAndTerminateAreRefusedWithoutAReason() {
    for (String none : new String[] {null, "", "  ", "%20%20"}) {
      assertThatThrownBy(() -> WorkflowResource.requireReason(none, "terminating"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("terminating a workflow needs a reason");
    }
  }

  @Test
  void theReasonIsReadAsTheAuditLogReadsIt() {
    assertThat(WorkflowResource.requireReason("h%C3%A4ngt%20seit%20Stunden", "cancelling"))
        .isEqualTo("hängt seit Stunden");
  }
}
