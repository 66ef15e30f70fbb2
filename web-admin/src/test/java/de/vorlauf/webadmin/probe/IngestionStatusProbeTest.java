package de.vorlauf.webadmin.probe;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.ingest.progress.IngestProgressCheck;
import de.vorlauf.ingest.progress.IngestionThresholds;
import de.vorlauf.persistence.ingest.LaneProgress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ingestion card's facts: per lane in words and numbers, never the raw JSON. */
class IngestionStatusProbeTest {

  private static final Instant NOW = Instant.parse("2026-12-03T13:00:00Z");

  @Test
  void eachLaneInWordsWithWhatIsWrongNamed() {
    IngestProgressCheck.Verdict verdict =
        new IngestProgressCheck(IngestionThresholds.defaults())
            .evaluate(
                List.of(
                    new LaneProgress("w1", "live", NOW, true, 19_679, 52_000, 240.0, NOW, 0),
                    new LaneProgress("w2", "live", NOW, true, 1, 12, 0.4, NOW, 0),
                    new LaneProgress("w1", "backlog", NOW, true, 0, 0, null, null, 0)),
                NOW);

    Map<String, String> facts = IngestionStatusProbe.facts(verdict);

    assertThat(facts)
        .containsExactly(
            Map.entry("workers reporting", "2"),
            Map.entry(
                "live lane",
                "52,012 readings queued, 19,680 messages in flight, lag 4 min — 52,012 readings"
                    + " queued (limit 10,000), lag 4 min (limit 2 min)"),
            Map.entry(
                "backlog lane", "0 readings queued, 0 messages in flight, nothing committed yet"));
    assertThat(String.join(" ", facts.values())).doesNotContain("{").doesNotContain("\"");
  }
}
