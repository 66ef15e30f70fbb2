package de.vorlauf.webadmin.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.workflows.selfcheck.ProbeResult;
import de.vorlauf.workflows.selfcheck.SelfCheckReport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfCheckDtoTest {

  private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

  @Test
  void reportKeepsEveryProbe() {
    SelfCheckReport report =
        new SelfCheckReport(
            false,
            List.of(
                new ProbeResult("database", true, "round trip ok", 3L),
                new ProbeResult("mqtt", false, "timeout", null)),
            START,
            START.plusSeconds(2));

    SelfCheckDto.Report dto = SelfCheckDto.Report.of(report);

    assertThat(dto.ok()).isFalse();
    assertThat(dto.startedAt()).isEqualTo(START);
    assertThat(dto.finishedAt()).isEqualTo(START.plusSeconds(2));
    assertThat(dto.probes())
        .containsExactly(
            new SelfCheckDto.Probe("database", true, "round trip ok", 3L),
            new SelfCheckDto.Probe("mqtt", false, "timeout", null));
  }
}
