package de.vorlauf.webadmin.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerIngestWordsTest {

  @Test
  void theWorkersIngestBlockBecomesWordsAndNumbersPerLane() {
    Map<String, String> facts =
        WorkerProbe.facts(
            """
            {"status":"UP","temporal":"Temporal dev server","taskQueues":["vorlauf-platform"],
             "ingest":{"state":"running","connected":true,"subscribed":true,"received":12,
              "acknowledged":11,"inFlight":19679,"readingsStored":1234567,"readingsDuplicate":3,
              "quarantined":2,"lanes":[
               {"lane":"live","connected":true,"subscribed":true,"received":5,"acknowledged":5,
                "inFlight":0,"unacknowledged":0,"queuedRows":0,"lagSeconds":0.42,
                "stalledSeconds":0},
               {"lane":"backlog","connected":true,"subscribed":true,"received":20000,
                "acknowledged":321,"inFlight":19679,"unacknowledged":19679,"queuedRows":120000,
                "lagSeconds":11520.0,"stalledSeconds":75}]}}
            """);

    assertThat(facts).doesNotContainKey("ingest");
    assertThat(facts.get("taskQueues")).isEqualTo("vorlauf-platform");
    assertThat(facts.get("ingestion"))
        .isEqualTo(
            "running; 1,234,567 readings stored, 3 duplicates, 2 quarantined since the worker"
                + " started");
    assertThat(facts.get("live lane"))
        .isEqualTo(
            "subscribed; backlog 0 messages in flight (0 unacknowledged), 0 readings queued;"
                + " lag 0.4 s");
    assertThat(facts.get("backlog lane"))
        .isEqualTo(
            "subscribed; backlog 19,679 messages in flight (19,679 unacknowledged), 120,000"
                + " readings queued; lag 3 h 12 min; nothing acknowledged for 75 s");
  }
}
