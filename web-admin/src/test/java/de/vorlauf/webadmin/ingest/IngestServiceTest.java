package de.vorlauf.webadmin.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.timeseries.WriterSettings;
import de.vorlauf.webadmin.config.IngestConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestServiceTest {

  @Test
  void theLeastQueueAllowedStartsAWriterWithBatchesNoLargerThanIt() {
    IngestConfig smallest =
        IngestConfig.fromEnvironment(
            Map.of("VORLAUF_INGEST_QUEUE_ROWS", "1000", "VORLAUF_INGEST_MAX_BODY_BYTES", "32000"));

    WriterSettings settings = IngestService.writerSettings(smallest);

    assertThat(settings.queueRows()).isEqualTo(1_000);
    assertThat(settings.batchRows()).isEqualTo(1_000);
  }

  @Test
  void theDefaultQueueKeepsTheDefaultBatch() {
    WriterSettings settings = IngestService.writerSettings(IngestConfig.defaults());

    assertThat(settings.queueRows()).isEqualTo(100_000);
    assertThat(settings.batchRows()).isEqualTo(WriterSettings.defaults().batchRows());
  }
}
