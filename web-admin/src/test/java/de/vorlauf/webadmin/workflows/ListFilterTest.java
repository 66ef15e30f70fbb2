package de.vorlauf.webadmin.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.webadmin.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class ListFilterTest {

  @Test
  void everyFilterBecomesATermOfTheVisibilityQuery() {
    ListFilter filter =
        ListFilter.of(
            "NightlyEtlWorkflow",
            "completed",
            "2026-05-01T00:00:00Z",
            "2026-05-02T00:00:00Z",
            "b-001");

    assertThat(filter.query())
        .isEqualTo(
            "WorkflowType = 'NightlyEtlWorkflow' AND ExecutionStatus = 'Completed'"
                + " AND StartTime >= '2026-05-01T00:00:00Z' AND StartTime <= '2026-05-02T00:00:00Z'"
                + " AND VorlaufBuildingId = 'b-001'");
    assertThat(ListFilter.of(null, " ", "", null, null).query()).isEmpty();
  }

  @Test
  void valuesThatCouldChangeTheQueryAreRefusedAtTheirField() {
    assertThatThrownBy(() -> ListFilter.of("X' OR 'a'='a", null, null, null, null))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(fields(e)).containsExactly("type"));
    assertThatThrownBy(() -> ListFilter.of(null, "sleeping", "gestern", null, "b' OR x"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(fields(e)).containsExactly("status", "from", "building"));
    assertThatThrownBy(
            () -> ListFilter.of(null, null, "2026-05-02T00:00:00Z", "2026-05-01T00:00:00Z", null))
        .hasMessageContaining("before 'from'");
  }

  private static java.util.List<String> fields(Throwable e) {
    return ((InvalidInputException) e)
        .fieldErrors().stream().map(InvalidInputException.FieldError::field).toList();
  }
}
