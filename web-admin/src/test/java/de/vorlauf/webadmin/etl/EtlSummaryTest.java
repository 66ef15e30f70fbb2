package de.vorlauf.webadmin.etl;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.workflows.etl.BuildingDayFailure;
import de.vorlauf.workflows.etl.EtlMode;
import de.vorlauf.workflows.etl.EtlProgress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EtlSummaryTest {

  @Test
  void aRunSaysHowManyBuildingDaysItHandledAndItsFirstFailure() {
    EtlProgress running =
        new EtlProgress(EtlMode.NIGHTLY, "r", Instant.EPOCH, 10, 3, 0, List.of(), false);
    EtlProgress finished =
        new EtlProgress(
            EtlMode.BACKFILL,
            "r",
            Instant.EPOCH,
            4,
            2,
            2,
            List.of(new BuildingDayFailure("b-7", LocalDate.of(2026, 5, 1), "no readings")),
            true);

    assertThat(EtlSummary.text(running))
        .isEqualTo("Nightly run so far: 3 of 10 building-days handled, 3 written, 0 failed.");
    assertThat(EtlSummary.text(finished))
        .isEqualTo(
            "Backfill finished: 4 of 4 building-days handled, 2 written, 2 failed."
                + " First failure: b-7 on 2026-05-01: no readings");
  }
}
