package de.vorlauf.webadmin.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.domain.ingest.Lane;
import de.vorlauf.ingest.pipeline.IngestOutcome;
import de.vorlauf.ingest.pipeline.Refusal;
import de.vorlauf.webadmin.config.IngestConfig;
import de.vorlauf.webadmin.registry.DeviceService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link IngestRequests#ingestBulk}: what a bulk upload is answered, given the outcomes. */
class IngestRequestsBulkTest {

  private static final String TWO = "[{\"device_id\":\"gb-1\"},{\"device_id\":\"gb-1\"}]";

  private final List<IngestOutcome> outcomes = new ArrayList<>();
  private final IngestRequests requests = new IngestRequests();

  IngestRequestsBulkTest() {
    requests.config = IngestConfig.defaults();
    requests.ingest =
        new IngestService() {
          @Override
          public List<IngestOutcome> ingestBulk(String deviceId, List<byte[]> messages) {
            return outcomes;
          }
        };
    requests.devices =
        new DeviceService() {
          @Override
          public boolean exists(String id) {
            return true;
          }
        };
  }

  @Test
  void oneUsableReadingMakesItA200WithTheRefusedPartsListed() throws Exception {
    outcomes.add(outcome(0, "inactive_device"));
    outcomes.add(outcome(4));

    BulkAcceptedDto answer = requests.ingestBulk("gb-1", body(TWO), -1);

    assertThat(answer.readings()).isEqualTo(4);
    assertThat(answer.quarantined()).containsExactly("inactive_device");
  }

  @Test
  void aDeactivatedDeviceLearnsItWithA403NotA200() {
    outcomes.add(outcome(0, "inactive_device"));
    outcomes.add(outcome(0, "inactive_device"));

    assertThatThrownBy(() -> requests.ingestBulk("gb-1", body(TWO), -1))
        .isInstanceOfSatisfying(
            IngestRefusedException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.title()).isEqualTo("Device deactivated");
              assertThat(e.quarantined()).containsExactly("inactive_device", "inactive_device");
            });
  }

  @Test
  void anUploadWithoutAnyUsableReadingIs400WithTheReasons() {
    outcomes.add(outcome(0, "malformed_json"));
    outcomes.add(outcome(0, "out_of_range", "unknown_sensor"));

    assertThatThrownBy(() -> requests.ingestBulk("gb-1", body(TWO), -1))
        .isInstanceOfSatisfying(
            IngestRefusedException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.quarantined())
                  .containsExactly("malformed_json", "out_of_range", "unknown_sensor");
            });
  }

  @Test
  void aRepeatOfAStoredUploadIsA200OfDuplicates() throws Exception {
    outcomes.add(new IngestOutcome("gb-1", 4, 0, 4, List.of(), 0, 0, Lane.BACKLOG));
    outcomes.add(new IngestOutcome("gb-1", 4, 0, 4, List.of(), 0, 0, Lane.BACKLOG));

    assertThat(requests.ingestBulk("gb-1", body(TWO), -1).duplicates()).isEqualTo(8);
  }

  private static ByteArrayInputStream body(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  private static IngestOutcome outcome(int readings, String... reasons) {
    List<Refusal> refusals = new ArrayList<>();
    for (String reason : reasons) {
      refusals.add(new Refusal(reason, "refused", null));
    }
    return new IngestOutcome(
        "gb-1", readings, readings, 0, refusals, refusals.size(), 0, Lane.BACKLOG);
  }
}
